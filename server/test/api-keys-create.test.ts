import { defaultExpiry } from '@keysmith/shared';
import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant } from './support/client';
import { CREATE_KEY, LIST_KEYS, SHOP_QUERY, createKey } from './support/api-keys';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

describe('createApiKey (BAC 3-5)', () => {
  it('creates a CURRENT_SHOP key for the first shop, full access, expiring in exactly one year', async () => {
    const m = await signUpMerchant(srv.url);
    const before = Date.now();
    const { secret, apiKey } = await createKey(m.client, { name: '  Storefront  ' });
    const after = Date.now();
    expect(secret).toMatch(/^sk_[0-9A-Za-z]{38}$/);
    expect(apiKey).toMatchObject({
      name: 'Storefront',
      type: 'CURRENT_SHOP',
      status: 'ACTIVE',
      partialKey: `sk_...${secret.slice(-6)}`,
      scopes: ['SHOP_READ', 'SHOP_WRITE', 'INVENTORY_READ', 'INVENTORY_WRITE', 'OFFERS_READ', 'OFFERS_WRITE'],
      shop: { id: m.shopId, isHeadless: false },
      revokedAt: null,
      rotation: null,
    });
    const expires = new Date(apiKey.expiresAt).getTime();
    expect(expires).toBeGreaterThanOrEqual(defaultExpiry(new Date(before)).getTime());
    expect(expires).toBeLessThanOrEqual(defaultExpiry(new Date(after)).getTime());
  });

  it('keeps an explicit expiry and scopes (canonical order, no duplicates)', async () => {
    const m = await signUpMerchant(srv.url);
    const expiresAt = new Date(Date.now() + 30 * 86400_000).toISOString();
    const { apiKey } = await createKey(m.client, { expiresAt, scopes: ['OFFERS_READ', 'SHOP_READ', 'SHOP_READ'], shopId: m.shopId });
    expect(apiKey.expiresAt).toBe(expiresAt);
    expect(apiKey.scopes).toEqual(['SHOP_READ', 'OFFERS_READ']);
  });

  it('returns the secret only once: the list shows the partial key and never the secret', async () => {
    const m = await signUpMerchant(srv.url);
    const { secret, apiKey } = await createKey(m.client);
    const res = await m.client.gql(LIST_KEYS);
    expect(JSON.stringify(res)).not.toContain(secret);
    expect(res.data?.apiKeys).toEqual([expect.objectContaining({ id: apiKey.id, partialKey: apiKey.partialKey })]);
  });

  it('gives a key that works against the partner API at once', async () => {
    const m = await signUpMerchant(srv.url, 'Partner Shop');
    const { secret } = await createKey(m.client);
    const res = await m.client.withKey(secret).gql(SHOP_QUERY);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ shop: { id: m.shopId, name: 'Partner Shop' } });
  });

  it('refuses anonymous callers and API keys (merchant operations)', async () => {
    const m = await signUpMerchant(srv.url);
    const { secret } = await createKey(m.client);
    const anon = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CREATE_KEY, variables: { input: { name: 'x', type: 'CURRENT_SHOP' } } }),
    }).then((r) => r.json() as Promise<any>);
    expect(anon.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const byKey = await m.client.withKey(secret).gql(CREATE_KEY, { input: { name: 'x', type: 'CURRENT_SHOP' } });
    expect(byKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await m.client.withKey(secret).gql(LIST_KEYS);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
