// Inventory pages asked for in the same turn are read in one statement on MySQL
// (page-reads.ts). What must hold: each caller gets exactly the page it would have
// got alone (its own shop's rows, its cursor, its size, in SKU order), and a batch
// goes out as one statement. Shops' SKUs interleave in sort order here, so rows
// handed to the wrong caller, or one page's rows mixed into another, would show.
import { MAX_PAGES_PER_STATEMENT, pagesSql } from '../src/modules/inventory/page-reads';
import type { Mysql2Pool } from '../src/db/prepared';
import { signUpMerchant } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

let srv: TestServer;
let shops: string[];
beforeAll(async () => {
  srv = await startTestServer();
  shops = [];
  for (const name of ['Shop A', 'Shop B', 'Shop C']) shops.push((await signUpMerchant(srv.url, name)).shopId);
  const now = new Date();
  const rows = shops.flatMap((shopId, s) =>
    Array.from({ length: 25 }, (_, i) => [`${s}-${i}-id`.padEnd(36, 'x'), shopId, `SKU-${String(i).padStart(2, '0')}-${'abc'[s]}`, `Item ${i} of ${s}`, 100 * s + i, i, now, now]),
  );
  await srv.ds.query(`INSERT INTO inventory_item (id, shop_id, sku, title, price_cents, quantity, created_at, updated_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`, rows.flat());
});
afterAll(() => srv.close());

const inventory = () => srv.app.services.inventory;
const pool = () => (srv.ds.driver as unknown as { pool: Mysql2Pool }).pool;

/** Records the statements the pool executes (the real database answers them); `stop` returns their SQL. */
function recordStatements() {
  const spy = jest.spyOn(pool(), 'execute');
  return {
    stop(): string[] {
      const sql = spy.mock.calls.map((c) => c[0]);
      spy.mockRestore();
      return sql;
    },
  };
}

interface Ask {
  shop: number;
  first: number;
  after?: string;
}
const ask = (a: Ask) => inventory().page(shops[a.shop] as string, a.first, a.after);
const skus = (page: Awaited<ReturnType<typeof ask>>) => page.edges.map((e) => e.node.sku);

it('gives every caller of a shared statement the page it gets alone', async () => {
  const firstOfA = await ask({ shop: 0, first: 3 });
  const asks: Ask[] = [
    { shop: 0, first: 3 },
    { shop: 1, first: 5 },
    { shop: 0, first: 2, after: firstOfA.pageInfo.endCursor as string },
    { shop: 2, first: 30 },
    { shop: 1, first: 3 },
    { shop: 2, first: 4, after: Buffer.from('SKU-22-c').toString('base64url') },
  ];
  const alone = [];
  for (const a of asks) alone.push(await ask(a));

  const recording = recordStatements();
  const together = await Promise.all(asks.map(ask));
  const statements = recording.stop();

  expect(statements).toEqual([expect.stringContaining('UNION ALL')]);
  expect(together).toEqual(alone);
  // And what "alone" gave is right in itself: own shop, order, size, cursor, end.
  expect(skus(together[0]!)).toEqual(['SKU-00-a', 'SKU-01-a', 'SKU-02-a']);
  expect(skus(together[1]!)).toEqual(['SKU-00-b', 'SKU-01-b', 'SKU-02-b', 'SKU-03-b', 'SKU-04-b']);
  expect(skus(together[2]!)).toEqual(['SKU-03-a', 'SKU-04-a']);
  expect(together[3]!.edges).toHaveLength(25);
  expect(together[3]!.pageInfo.hasNextPage).toBe(false);
  expect(together[3]!.edges.every((e) => e.node.sku.endsWith('-c'))).toBe(true);
  expect(skus(together[5]!)).toEqual(['SKU-23-c', 'SKU-24-c']);
  expect(together[0]!.edges[1]!.node).toEqual({ id: '0-1-id'.padEnd(36, 'x'), sku: 'SKU-01-a', title: 'Item 1 of 0', priceCents: 1, quantity: 1 });
});

it('sends a page asked for alone as the plain page statement', async () => {
  const recording = recordStatements();
  const page = await ask({ shop: 1, first: 2 });
  const statements = recording.stop();
  expect(skus(page)).toEqual(['SKU-00-b', 'SKU-01-b']);
  expect(statements).toEqual([expect.not.stringContaining('UNION')]);
});

it(`splits more than ${MAX_PAGES_PER_STATEMENT} pages over several statements, each still answered its own`, async () => {
  const asks: Ask[] = Array.from({ length: MAX_PAGES_PER_STATEMENT * 2 + 1 }, (_, i) => ({ shop: i % 3, first: 1 + (i % 7) }));
  const recording = recordStatements();
  const together = await Promise.all(asks.map(ask));
  expect(recording.stop()).toHaveLength(3);
  together.forEach((page, i) => {
    const a = asks[i] as Ask;
    expect(skus(page)).toEqual(Array.from({ length: a.first }, (_, n) => `SKU-${String(n).padStart(2, '0')}-${'abc'[a.shop]}`));
  });
});

it('reads each part of a shared statement from IDX_inventory_page alone, sorting only the union', async () => {
  const sql = pagesSql([
    { limit: 21, afterSku: null },
    { limit: 3, afterSku: 'SKU-01-a' },
  ]);
  const plan: Array<{ table: string; key: string | null; Extra: string | null }> = await srv.ds.query(`EXPLAIN ${sql}`, [shops[0], shops[1], 'SKU-01-a']);
  expect(plan).toHaveLength(3);
  for (const part of plan.slice(0, 2)) {
    expect(part.key).toBe('IDX_inventory_page');
    expect(part.Extra).toContain('Using index');
    expect(part.Extra ?? '').not.toContain('filesort');
  }
  expect(plan[2]?.table).toMatch(/^<union/);
  expect(plan[2]?.Extra).toContain('filesort'); // the outer ORDER BY: each page's order is asked for, not assumed
});

// Last: the rename loses the table's statistics, which the plan above depends on.
it('rejects every page of a statement the database refuses, and serves the next batch', async () => {
  await srv.ds.query('RENAME TABLE inventory_item TO inventory_item_away');
  let results: PromiseSettledResult<unknown>[];
  try {
    results = await Promise.allSettled([ask({ shop: 0, first: 2 }), ask({ shop: 1, first: 2 }), ask({ shop: 2, first: 2 })]);
  } finally {
    await srv.ds.query('RENAME TABLE inventory_item_away TO inventory_item');
  }
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/inventory_item/);
  const next = await Promise.all([ask({ shop: 0, first: 1 }), ask({ shop: 2, first: 1 })]);
  expect(next.map(skus)).toEqual([['SKU-00-a'], ['SKU-00-c']]);
});
