// Bench data, written straight to MySQL with multi-row INSERTs (1M keys in well under a minute).
import crypto from 'node:crypto';
import { mysql, shared } from './deps.mjs';

const sha256 = (s) => crypto.createHash('sha256').update(s).digest('hex');
const BATCH = 5000;

export async function recreateDatabase(adminUrl, name) {
  const c = await mysql.createConnection(adminUrl);
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
}

export async function dropDatabase(adminUrl, name) {
  const c = await mysql.createConnection(adminUrl);
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.end();
}

/** A merchant through the real signUp mutation (password hashing and all): returns its shop and session cookie. */
export async function signUp(serverUrl) {
  const res = await fetch(`${serverUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { signUp(email: $e, password: $p, shopName: "Bench Shop") { id shops { id } } }',
      variables: { e: `bench-${Date.now()}@example.com`, p: 'bench password 123' },
    }),
  });
  const body = await res.json();
  if (!body.data) throw new Error(`signUp failed: ${JSON.stringify(body.errors)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { merchantId: body.data.signUp.id, shopId: body.data.signUp.shops[0].id, cookie };
}

/**
 * The shop the load runs against, beside the merchant's first shop (which stays empty for the
 * revocation trials, so its active-key limit of 1 is not in the way).
 */
export async function seedShop(dbUrl, merchantId) {
  const c = await mysql.createConnection({ uri: dbUrl, timezone: 'Z' });
  const id = crypto.randomUUID();
  await c.query('INSERT INTO shop (id, merchant_id, name, max_active_keys, created_at) VALUES (?, ?, ?, ?, ?)', [id, merchantId, 'Bench Partner Shop', 25, new Date()]);
  await c.end();
  return id;
}

const keyColumns =
  '(id, shop_id, merchant_id, name, type, scopes, hash, partial_key, created_at, expires_at)';

/**
 * `usable` real keys (their secrets are returned) plus filler rows with random hashes up to
 * `total`. Every row is a valid, unexpired key of the bench shop, like a big tenant would have.
 */
export async function seedKeys(dbUrl, shop, total, usable) {
  const secrets = [];
  const now = new Date();
  const expires = new Date(now.getTime() + 365 * 86400_000);
  const scopes = shared.API_SCOPES.join(',');
  const row = (i) => {
    let hash;
    let partial;
    if (i < usable) {
      const secret = shared.generateApiKey();
      secrets.push(secret);
      hash = sha256(secret);
      partial = shared.partialKeyOf(secret);
    } else {
      hash = crypto.randomBytes(32).toString('hex');
      partial = 'sk_...filler';
    }
    // Ascending ids append to the clustered index instead of splitting random pages (minutes saved at 1M).
    const id = `${runId}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return [id, shop.shopId, shop.merchantId, `bench ${i}`, 'CURRENT_SHOP', scopes, hash, partial, now, expires];
  };
  const runId = crypto.randomBytes(4).toString('hex');
  const pool = mysql.createPool({ uri: dbUrl, connectionLimit: 2, timezone: 'Z' });
  // Bulk-load settings for these sessions only; the rows are generated valid.
  pool.on('connection', (c) => c.query('SET SESSION foreign_key_checks = 0'));
  try {
    const batches = [];
    for (let start = 0; start < total; start += BATCH) batches.push(start);
    // Two writers: enough to keep InnoDB busy on a 2-core machine.
    const worker = async () => {
      for (let start = batches.shift(); start !== undefined; start = batches.shift()) {
        const rows = [];
        for (let i = start; i < Math.min(total, start + BATCH); i++) rows.push(row(i));
        await pool.query(`INSERT INTO api_key ${keyColumns} VALUES ?`, [rows]);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await pool.end();
  }
  return secrets;
}

/** `count` inventory items, so `inventory(first: 20)` always returns a full page. */
export async function seedInventory(dbUrl, shopId, count) {
  const c = await mysql.createConnection({ uri: dbUrl, timezone: 'Z' });
  const now = new Date();
  const rows = Array.from({ length: count }, (_, i) => [
    crypto.randomUUID(), shopId, `SKU-${String(i).padStart(5, '0')}`, `Bench item ${i} with a realistic title`, 1000 + i, 10 + i, now, now,
  ]);
  await c.query('INSERT INTO inventory_item (id, shop_id, sku, title, price_cents, quantity, created_at, updated_at) VALUES ?', [rows]);
  await c.end();
}

export async function countLogRows(pool) {
  const [rows] = await pool.query('SELECT COUNT(*) AS n FROM api_request_log');
  return Number(rows[0].n);
}

/**
 * Raises the database server's max_connections to at least `needed` (each Keysmith process keeps
 * a pool of up to 20; twelve processes pass MariaDB's default of 151). Returns a function that puts
 * the old value back. A global setting of the local database server, like its CPU affinity.
 */
export async function ensureMaxConnections(adminUrl, needed) {
  const c = await mysql.createConnection(adminUrl);
  try {
    const [[row]] = await c.query('SELECT @@GLOBAL.max_connections AS n');
    const before = Number(row.n);
    if (before >= needed) return async () => {};
    await c.query('SET GLOBAL max_connections = ?', [needed]);
    return async () => {
      const r = await mysql.createConnection(adminUrl);
      await r.query('SET GLOBAL max_connections = ?', [before]);
      await r.end();
    };
  } finally {
    await c.end();
  }
}
