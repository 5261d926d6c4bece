// The partner inventory page is read from IDX_inventory_page alone (no row lookups),
// in index order (no filesort), on MySQL/MariaDB. A column added to the page without
// adding it to the index, or a dropped index, fails here.
import { pageSql } from '../src/modules/inventory/page-reads';
import { startTestServer, type TestServer } from './support/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

it.each([
  ['the first page', false, ['00000000-0000-0000-0000-000000000000']],
  ['a page after a cursor', true, ['00000000-0000-0000-0000-000000000000', 'SKU-1']],
])('%s is an index-only range read in SKU order', async (_label, after, params) => {
  const plan: Array<{ key: string | null; Extra: string | null }> = await srv.ds.query(`EXPLAIN ${pageSql(21, after)}`, params);
  expect(plan).toHaveLength(1);
  expect(plan[0]?.key).toBe('IDX_inventory_page');
  expect(plan[0]?.Extra).toContain('Using index');
  expect(plan[0]?.Extra).not.toContain('filesort');
});
