import { startTestServer, type TestServer } from './support/test-server';
import { TestClient, signUpMerchant } from './support/client';
import { createKey } from './support/api-keys';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

const UPSERT = `mutation Up($input: UpsertInventoryItemInput!) { upsertInventoryItem(input: $input) { id sku title priceCents quantity } }`;
const INVENTORY = `query Inv($first: Int, $after: String) { inventory(first: $first, after: $after) { edges { cursor node { id sku title priceCents quantity } } pageInfo { hasNextPage endCursor } } }`;
const SUBMIT = `mutation Offer($input: SubmitOfferInput!) { submitOffer(input: $input) { id amountCents note createdAt item { id sku } } }`;
const OFFERS = `query Offers($first: Int, $after: String) { offers(first: $first, after: $after) { edges { cursor node { id amountCents note item { sku } } } pageInfo { hasNextPage endCursor } } }`;
const item = (sku: string, over: Record<string, unknown> = {}) => ({ sku, title: `Item ${sku}`, priceCents: 1500, quantity: 3, ...over });

/** A merchant and a full-access key client for their first shop. */
async function partner() {
  const m = await signUpMerchant(srv.url, 'Partner Shop');
  const { secret } = await createKey(m.client);
  return { ...m, key: m.client.withKey(secret) };
}

describe('partner surface with a full-access key', () => {
  it('reads the shop, upserts inventory by SKU and pages it in SKU order', async () => {
    const p = await partner();
    expect((await p.key.ok('{ shop { id name isHeadless } }')).shop).toEqual({ id: p.shopId, name: 'Partner Shop', isHeadless: false });
    for (const sku of ['C-3', 'A-1', 'B-2']) await p.key.ok(UPSERT, { input: item(sku) });
    const updated = (await p.key.ok(UPSERT, { input: item('A-1', { title: 'Renamed', priceCents: 0, quantity: 0 }) })).upsertInventoryItem;
    expect(updated).toMatchObject({ sku: 'A-1', title: 'Renamed', priceCents: 0, quantity: 0 });

    const p1 = (await p.key.ok(INVENTORY, { first: 2 })).inventory;
    expect(p1.edges.map((e: any) => e.node.sku)).toEqual(['A-1', 'B-2']);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await p.key.ok(INVENTORY, { first: 2, after: p1.pageInfo.endCursor })).inventory;
    expect(p2.edges.map((e: any) => e.node.sku)).toEqual(['C-3']);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect((await p.key.ok(INVENTORY)).inventory.edges).toHaveLength(3);
  });

  it('submits offers on its own items and lists them newest first with pages', async () => {
    const p = await partner();
    const it1 = (await p.key.ok(UPSERT, { input: item('X') })).upsertInventoryItem;
    for (const amount of [100, 200, 300]) {
      await p.key.ok(SUBMIT, { input: { inventoryItemId: it1.id, amountCents: amount, note: ` n${amount} ` } });
      await new Promise((r) => setTimeout(r, 5)); // distinct createdAt: ties within a millisecond have no defined order
    }
    const o1 = (await p.key.ok(OFFERS, { first: 2 })).offers;
    expect(o1.edges.map((e: any) => e.node.amountCents)).toEqual([300, 200]);
    expect(o1.edges[0].node).toMatchObject({ note: 'n300', item: { sku: 'X' } });
    const o2 = (await p.key.ok(OFFERS, { first: 2, after: o1.pageInfo.endCursor })).offers;
    expect(o2.edges.map((e: any) => e.node.amountCents)).toEqual([100]);
    expect(o2.pageInfo.hasNextPage).toBe(false);
  });

  it("cannot see or use another shop's items (NOT_FOUND), and each shop pages only its own", async () => {
    const a = await partner();
    const b = await partner();
    const theirs = (await a.key.ok(UPSERT, { input: item('SECRET') })).upsertInventoryItem;
    const res = await b.key.gql(SUBMIT, { input: { inventoryItemId: theirs.id, amountCents: 100 } });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await b.key.ok(INVENTORY)).inventory.edges).toEqual([]);
    expect((await b.key.ok(OFFERS)).offers.edges).toEqual([]);
    expect((await a.key.ok(OFFERS)).offers.edges).toEqual([]);
  });

  it('lets a signed-in merchant use the partner surface for their first shop', async () => {
    const m = await signUpMerchant(srv.url, 'Own Shop');
    expect((await m.client.ok('{ shop { id name } }')).shop).toEqual({ id: m.shopId, name: 'Own Shop' });
    const it1 = (await m.client.ok(UPSERT, { input: item('M-1') })).upsertInventoryItem;
    await m.client.ok(SUBMIT, { input: { inventoryItemId: it1.id, amountCents: 5 } });
    expect((await m.client.ok(OFFERS)).offers.edges).toHaveLength(1);
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const res = await new TestClient(srv.url).gql('{ shop { id } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('partner input validation: BAD_USER_INPUT naming the field, nothing written', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a blank SKU', item('  '), 'sku'],
    ['an over-long SKU', item('s'.repeat(65)), 'sku'],
    ['a blank title', item('OK', { title: '' }), 'title'],
    ['an over-long title', item('OK', { title: 't'.repeat(201) }), 'title'],
    ['a negative price', item('OK', { priceCents: -1 }), 'priceCents'],
    ['a negative quantity', item('OK', { quantity: -5 }), 'quantity'],
  ])('upsertInventoryItem rejects %s', async (_label, input, field) => {
    const p = await partner();
    const res = await p.key.gql(UPSERT, { input });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await p.key.ok(INVENTORY)).inventory.edges).toEqual([]);
  });

  it.each<[string, number, string | undefined, string]>([
    ['a zero amount', 0, undefined, 'amountCents'],
    ['a negative amount', -100, undefined, 'amountCents'],
    ['an over-long note', 100, 'n'.repeat(501), 'note'],
  ])('submitOffer rejects %s', async (_label, amountCents, note, field) => {
    const p = await partner();
    const it1 = (await p.key.ok(UPSERT, { input: item('Y') })).upsertInventoryItem;
    const res = await p.key.gql(SUBMIT, { input: { inventoryItemId: it1.id, amountCents, note } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await p.key.ok(OFFERS)).offers.edges).toEqual([]);
  });

  it('rejects an unknown item with NOT_FOUND, page sizes outside 1..100 and foreign cursors', async () => {
    const p = await partner();
    expect((await p.key.gql(SUBMIT, { input: { inventoryItemId: 'nope', amountCents: 1 } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const first of [0, 101, -1]) {
      expect((await p.key.gql(INVENTORY, { first })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    expect((await p.key.gql(INVENTORY, { first: 100 })).errors).toBeUndefined();
    expect((await p.key.gql(OFFERS, { after: 'not-a-cursor' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
