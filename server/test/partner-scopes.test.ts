import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant } from './support/client';
import { SET_MAX, createKey } from './support/api-keys';
import { InventoryItemEntity } from '../src/modules/inventory/inventory-item.entity';
import { OfferEntity } from '../src/modules/offers/offer.entity';

let srv: TestServer;
let m: Awaited<ReturnType<typeof signUpMerchant>>;
let itemId: string;
beforeAll(async () => {
  srv = await startTestServer();
  m = await signUpMerchant(srv.url);
  await m.client.ok(SET_MAX, { shopId: m.shopId, max: 25 });
  const it = await m.client.ok(`mutation { upsertInventoryItem(input: { sku: "S", title: "Seed", priceCents: 1, quantity: 1 }) { id } }`);
  itemId = it.upsertInventoryItem.id;
});
afterAll(async () => {
  await srv.close();
});

const CALLS: Record<string, { doc: string; scope: string; vars?: () => Record<string, unknown> }> = {
  shop: { doc: '{ shop { id } }', scope: 'SHOP_READ' },
  inventory: { doc: '{ inventory { edges { node { id } } } }', scope: 'INVENTORY_READ' },
  offers: { doc: '{ offers { edges { node { id } } } }', scope: 'OFFERS_READ' },
  upsertInventoryItem: { doc: 'mutation { upsertInventoryItem(input: { sku: "NEW", title: "t", priceCents: 1, quantity: 1 }) { id } }', scope: 'INVENTORY_WRITE' },
  submitOffer: {
    doc: 'mutation($id: ID!) { submitOffer(input: { inventoryItemId: $id, amountCents: 10 }) { id } }',
    scope: 'OFFERS_WRITE',
    vars: () => ({ id: itemId }),
  },
};

const counts = async () => [await srv.ds.getRepository(InventoryItemEntity).countBy({ shopId: m.shopId }), await srv.ds.getRepository(OfferEntity).countBy({ shopId: m.shopId })];

describe('scopes are enforced per field', () => {
  it.each(Object.keys(CALLS))('%s is FORBIDDEN without its scope, naming it, with no side effect', async (field) => {
    const call = CALLS[field] as (typeof CALLS)[string];
    const others = ['SHOP_READ', 'SHOP_WRITE', 'INVENTORY_READ', 'INVENTORY_WRITE', 'OFFERS_READ', 'OFFERS_WRITE'].filter((s) => s !== call.scope);
    const { secret } = await createKey(m.client, { name: `without ${call.scope}`, scopes: others });
    const before = await counts();
    const res = await m.client.withKey(secret).gql(call.doc, call.vars?.());
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScopes: [call.scope] });
    expect(res.data?.[field] ?? null).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it.each(Object.keys(CALLS))('%s works with exactly its scope', async (field) => {
    const call = CALLS[field] as (typeof CALLS)[string];
    const { secret } = await createKey(m.client, { name: `only ${call.scope}`, scopes: [call.scope] });
    const res = await m.client.withKey(secret).gql(call.doc, call.vars?.());
    expect(res.errors).toBeUndefined();
    expect(res.data?.[field]).toBeTruthy();
  });

  it('a read-only key reads everything and writes nothing', async () => {
    const { secret } = await createKey(m.client, { name: 'read-only', scopes: ['SHOP_READ', 'INVENTORY_READ', 'OFFERS_READ'] });
    const key = m.client.withKey(secret);
    const read = await key.gql('{ shop { id } inventory { edges { cursor } } offers { edges { cursor } } }');
    expect(read.errors).toBeUndefined();
    const before = await counts();
    const write = await key.gql((CALLS.upsertInventoryItem as { doc: string }).doc);
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScopes: ['INVENTORY_WRITE'] });
    expect(await counts()).toEqual(before);
  });
});
