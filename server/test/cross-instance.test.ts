// Two Keysmith instances on one MySQL database (and one Redis): a key changed through one
// is refused by the other within the documented bound. MySQL only (jest.config.js).
import net from 'node:net';
import { startSecondInstance as secondInstance, startTestServer, type Instance, type TestServer } from './support/test-server';
import { signUpMerchant, TestClient } from './support/client';
import { REVOKE_KEY, SHOP_QUERY, createKey, regenerateKey } from './support/api-keys';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
/** The documented bounds (docs/scaling.md): with Redis pub/sub, and with the cache TTL alone. */
const BOUND_WITH_REDIS_MS = 50;
const BOUND_WITHOUT_REDIS_MS = 1000;

const status = async (client: TestClient, secret: string) => (await client.withKey(secret).gql(SHOP_QUERY)).status;

/**
 * Polls `url` with the key until it is refused. Returns when the first refusing request was
 * sent, in ms after `since`: the change was visible on that instance by then.
 */
async function refusedAfter(url: string, secret: string, since: number, giveUpMs: number): Promise<number> {
  const other = new TestClient(url, secret);
  for (;;) {
    const sentAt = performance.now();
    if ((await other.gql(SHOP_QUERY)).status === 401) return sentAt - since;
    if (sentAt - since > giveUpMs) return Infinity;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function whileTwoInstances(env: Record<string, string>, body: (a: TestServer, b: Instance) => Promise<void>) {
  const a = await startTestServer(env);
  const b = await secondInstance(a, env);
  try {
    await body(a, b);
  } finally {
    await b.close();
    await a.close();
  }
}

async function waitUntil(cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('with Redis: invalidation reaches the other instance', () => {
  // A long cache TTL: only the pub/sub message can make B refuse the key in time.
  const env = { REDIS_URL, KEY_CACHE_TTL_MS: '600000' };

  it(`refuses a key revoked through the other instance within ${BOUND_WITH_REDIS_MS} ms`, async () => {
    await whileTwoInstances(env, async (a, b) => {
      await waitUntil(() => a.app.services.keyAuth.busHealthy && b.app.services.keyAuth.busHealthy, 5000);
      const m = await signUpMerchant(a.url);
      const key = await createKey(m.client);
      expect(await status(new TestClient(b.url), key.secret)).toBe(200); // B has it cached now
      await m.client.ok(REVOKE_KEY, { id: key.apiKey.id });
      const t = performance.now();
      expect(await refusedAfter(b.url, key.secret, t, 5000)).toBeLessThanOrEqual(BOUND_WITH_REDIS_MS);
    });
  });

  it(`refuses the old secret after a regenerate without grace within ${BOUND_WITH_REDIS_MS} ms, and takes the new one`, async () => {
    await whileTwoInstances(env, async (a, b) => {
      await waitUntil(() => a.app.services.keyAuth.busHealthy && b.app.services.keyAuth.busHealthy, 5000);
      const m = await signUpMerchant(a.url);
      const key = await createKey(m.client);
      const onB = new TestClient(b.url);
      expect(await status(onB, key.secret)).toBe(200);
      const fresh = await regenerateKey(m.client, key.apiKey.id, 0);
      const t = performance.now();
      expect(await refusedAfter(b.url, key.secret, t, 5000)).toBeLessThanOrEqual(BOUND_WITH_REDIS_MS);
      expect(await status(onB, fresh.secret)).toBe(200);
    });
  });
});

describe('without Redis: the short cache TTL is the bound', () => {
  it(`refuses a revoked key and a regenerated secret on the other instance within ${BOUND_WITHOUT_REDIS_MS} ms`, async () => {
    await whileTwoInstances({}, async (a, b) => {
      expect(b.app.services.keyAuth.busHealthy).toBe(false);
      const m = await signUpMerchant(a.url);
      const onB = new TestClient(b.url);
      const revoked = await createKey(m.client, { name: 'to revoke' });
      expect(await status(onB, revoked.secret)).toBe(200);
      await m.client.ok(REVOKE_KEY, { id: revoked.apiKey.id });
      const t1 = performance.now();
      expect(await refusedAfter(b.url, revoked.secret, t1, 5000)).toBeLessThanOrEqual(BOUND_WITHOUT_REDIS_MS);

      const rotated = await createKey(m.client, { name: 'to regenerate' });
      expect(await status(onB, rotated.secret)).toBe(200);
      await regenerateKey(m.client, rotated.apiKey.id, 0);
      const t2 = performance.now();
      expect(await refusedAfter(b.url, rotated.secret, t2, 5000)).toBeLessThanOrEqual(BOUND_WITHOUT_REDIS_MS);
    });
  });
});

/** A TCP relay to Redis that the test can cut and restore, to lose B's connection on purpose. */
async function redisRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Drops every connection and refuses new ones until `restore`. */
    cut: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
    restore: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (server.listening) server.close(() => resolve());
      else resolve();
    }),
  };
}

describe('a lost Redis connection', () => {
  it('degrades to the short TTL (revocation still seen within 1 s), then reconnects and trusts pub/sub again', async () => {
    const relay = await redisRelay(new URL(REDIS_URL));
    const a = await startTestServer({ REDIS_URL, KEY_CACHE_TTL_MS: '600000' });
    const b = await secondInstance(a, { REDIS_URL: relay.url, KEY_CACHE_TTL_MS: '600000' });
    try {
      await waitUntil(() => a.app.services.keyAuth.busHealthy && b.app.services.keyAuth.busHealthy, 5000);
      const m = await signUpMerchant(a.url);
      const onB = new TestClient(b.url);
      const key = await createKey(m.client);
      expect(await status(onB, key.secret)).toBe(200);

      await relay.cut();
      await waitUntil(() => !b.app.services.keyAuth.busHealthy, 5000);
      // A publishes into Redis; B cannot hear it. The short TTL must still refuse the key in time.
      await m.client.ok(REVOKE_KEY, { id: key.apiKey.id });
      const t = performance.now();
      expect(await refusedAfter(b.url, key.secret, t, 5000)).toBeLessThanOrEqual(BOUND_WITHOUT_REDIS_MS);

      await relay.restore();
      await waitUntil(() => b.app.services.keyAuth.busHealthy, 10_000);
      const next = await createKey(m.client, { name: 'after reconnect' });
      expect(await status(onB, next.secret)).toBe(200);
      await m.client.ok(REVOKE_KEY, { id: next.apiKey.id });
      const t2 = performance.now();
      expect(await refusedAfter(b.url, next.secret, t2, 5000)).toBeLessThanOrEqual(BOUND_WITH_REDIS_MS);
    } finally {
      await b.close();
      await a.close();
      await relay.close();
    }
  });
});
