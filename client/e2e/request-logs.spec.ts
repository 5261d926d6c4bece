import { expect, request } from '@playwright/test';
import { expectAccessible, screenshot, signUp, test } from './support';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name } } }`;

test('partner calls show up in the request logs, filter to errors, usage chart', async ({ page, baseURL }) => {
  // The chart's code (recharts) is fetched by the Request logs tab only, not by sign-up or the Developers tab.
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await signUp(page, 'Logbook Traders');
  await expect(page.getByText('No active API keys')).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => s.includes('UsagePlot'))).toEqual([]);
  // The page's request context carries the session cookie: create a read-only key as the merchant would.
  const created = await page.request.post('/graphql', {
    data: { query: CREATE_KEY, variables: { input: { name: 'Feed reader', type: 'CURRENT_SHOP', scopes: ['SHOP_READ'] } } },
  });
  const body = (await created.json()) as { data: { createApiKey: { secret: string } } };
  const secret = body.data.createApiKey.secret;

  // A partner, without any cookie: three allowed calls and two refused for a missing scope.
  const partner = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}`, 'user-agent': 'feed-sync/2.1' } });
  for (let i = 0; i < 3; i++) expect((await partner.post('/graphql', { data: { query: 'query ShopFeed { shop { id name } }' } })).status()).toBe(200);
  for (let i = 0; i < 2; i++) expect((await partner.post('/graphql', { data: { query: 'query Offers { offers { edges { cursor } } }' } })).status()).toBe(403);
  // A typo in the document: refused before it runs, still on record with what it asked for.
  expect((await partner.post('/graphql', { data: { query: 'query Typo { shop { nmae } }' } })).status()).toBe(400);
  await partner.dispose();

  await page.getByRole('link', { name: 'Request logs' }).click();
  await expect(page).toHaveURL(/\/settings\/logs$/);
  // Rows reach the database within 250 ms, possibly after this page's first query: live mode picks them up.
  const liveSwitch = page.getByRole('switch', { name: 'Live' });
  await liveSwitch.check({ force: true });
  const table = page.getByRole('table', { name: 'Request logs' });
  await expect(table.getByRole('row')).toHaveCount(7, { timeout: 15_000 }); // header + 6
  await liveSwitch.uncheck({ force: true });
  await expect(table.getByText('query ShopFeed: shop')).toHaveCount(3);
  await expect(table.getByText('query Offers: offers')).toHaveCount(2);
  await expect(table.getByLabel('HTTP 403')).toHaveCount(2);
  await expect(table.getByText('query Typo: shop')).toHaveCount(1);
  await expect(table.getByText('GRAPHQL_VALIDATION_FAILED')).toBeVisible();
  // Every status badge shows its whole number, also on a small laptop screen where the columns are
  // tight: a long error code beside it wraps instead of clipping it.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 768 });
  const clipped = await table.locator('.mantine-Badge-label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
  expect(clipped).toEqual([]);
  // On a phone, one card per call: every call listed, nothing to scroll sideways for.
  await page.setViewportSize({ width: 390, height: 844 });
  const cards = page.getByRole('list', { name: 'Request logs' }).getByRole('listitem');
  await expect(cards).toHaveCount(6);
  await expect(cards.filter({ hasText: 'GRAPHQL_VALIDATION_FAILED' })).toContainText('query Typo: shop');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'request-logs-00-on-a-phone');
  await expectAccessible(page);
  if (viewport) await page.setViewportSize(viewport);
  await expect(table.getByText('feed-sync/2.1').first()).toBeVisible();
  await expect(page.getByTestId('usage-totals')).toHaveText('6 requests · 3 errors');
  await expect(page.getByLabel('Usage chart').locator('.recharts-area').first()).toBeVisible();
  expect(scripts.filter((s) => s.includes('UsagePlot'))).toHaveLength(1);
  await screenshot(page, 'request-logs-01-all');
  await expectAccessible(page);

  await page.getByRole('switch', { name: 'Errors only' }).check({ force: true });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByLabel('HTTP 200')).toHaveCount(0);
  await expect(table.getByText('FORBIDDEN')).toHaveCount(2);
  await screenshot(page, 'request-logs-02-errors');

  // CSV export of the filtered rows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString().trim().split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines.filter((l) => l.includes('403,FORBIDDEN'))).toHaveLength(2);
  expect(lines.filter((l) => l.includes('400,GRAPHQL_VALIDATION_FAILED'))).toHaveLength(1);
});

test("the tab keeps working when the chart's code cannot be fetched", async ({ page }) => {
  // As after a deploy that replaced the chunk the open page knew, or a connection lost on the way.
  await page.route(/UsagePlot/, (route) => route.abort());
  await signUp(page, 'Offline Outfitters');
  await page.getByRole('link', { name: 'Request logs' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The chart could not be loaded' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.getByTestId('usage-totals')).toHaveText('0 requests · 0 errors');
  await expect(page.getByText('No requests yet')).toBeVisible();
});
