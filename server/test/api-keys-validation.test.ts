import { MAX_LOGO_BYTES } from '@keysmith/shared';
import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant } from './support/client';
import { CREATE_KEY, LIST_KEYS, REGENERATE_KEY, SET_MAX, createKey, newShopInput } from './support/api-keys';

let srv: TestServer;
let m: Awaited<ReturnType<typeof signUpMerchant>>;
beforeAll(async () => {
  srv = await startTestServer();
  m = await signUpMerchant(srv.url);
});
afterAll(async () => {
  await srv.close();
});

const past = new Date(Date.now() - 60_000).toISOString();
const pngBytes = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(n - 8)]);
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

/** Nothing may be created by a refused mutation: the merchant's key list and shops stay as they were. */
async function snapshot() {
  const keys = await m.client.ok(LIST_KEYS, { includeRevoked: true });
  const me = await m.client.ok('{ me { shops { id } } }');
  return JSON.stringify([keys, me]);
}

describe('createApiKey input validation: BAD_USER_INPUT naming the field, nothing created', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a 101-character name', { name: 'x'.repeat(101) }, 'name'],
    ['a past expiry', { expiresAt: past }, 'expiresAt'],
    ['an empty scopes list', { scopes: [] }, 'scopes'],
    ['newShop with CURRENT_SHOP', { newShop: newShopInput().newShop }, 'newShop'],
    ['NEW_SHOP without newShop', { type: 'NEW_SHOP' }, 'newShop'],
    ['a blank shop name', newShopInput({ name: ' ' }), 'newShop.name'],
    ['an over-long shop name', newShopInput({ name: 's'.repeat(101) }), 'newShop.name'],
    ['a non-http shop URL', newShopInput({ url: 'ftp://shop.example.com' }), 'newShop.url'],
    ['a shop URL that is not a URL', newShopInput({ url: 'not a url' }), 'newShop.url'],
    ['an http (not https) logo URL', newShopInput({ logo: 'http://cdn.example.com/logo.png' }), 'newShop.logo'],
    ['a logo that is neither URL nor data', newShopInput({ logo: 'logo.png' }), 'newShop.logo'],
    ['an SVG logo', newShopInput({ logo: dataUrl('image/svg+xml', Buffer.from('<svg/>')) }), 'newShop.logo'],
    ['HTML posing as PNG', newShopInput({ logo: dataUrl('image/png', Buffer.from('<html><script>alert(1)</script></html>')) }), 'newShop.logo'],
    ['a JPEG declared as PNG', newShopInput({ logo: dataUrl('image/png', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0])) }), 'newShop.logo'],
    ['an oversized logo', newShopInput({ logo: dataUrl('image/png', pngBytes(MAX_LOGO_BYTES + 1)) }), 'newShop.logo'],
    ['an unknown shop', { shopId: '00000000-0000-4000-8000-000000000000' }, ''],
  ])('rejects %s', async (_label, over, field) => {
    const before = await snapshot();
    const res = await m.client.gql(CREATE_KEY, { input: { name: 'Valid', type: 'CURRENT_SHOP', ...over } });
    const err = res.errors?.[0];
    if (field) {
      expect(err?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    } else {
      expect(err?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(res.status).toBeLessThan(500);
    expect(await snapshot()).toBe(before);
  });

  it('accepts a logo of exactly the maximum size', async () => {
    const other = await signUpMerchant(srv.url);
    const res = await other.client.gql(CREATE_KEY, { input: newShopInput({ logo: dataUrl('image/png', pngBytes(MAX_LOGO_BYTES)) }) });
    expect(res.errors).toBeUndefined();
  });

  it('rejects an unknown scope name and a malformed date as bad input', async () => {
    const r1 = await m.client.gql(CREATE_KEY, { input: { name: 'x', type: 'CURRENT_SHOP', scopes: ['ADMIN'] } });
    const r2 = await m.client.gql(CREATE_KEY, { input: { name: 'x', type: 'CURRENT_SHOP', expiresAt: 'next tuesday' } });
    expect(r1.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r2.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('regenerate and limit input validation', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a negative grace period', { grace: -1 }, 'gracePeriodSeconds'],
    ['a grace period over 7 days', { grace: 604_801 }, 'gracePeriodSeconds'],
    ['a past expiry', { expiresAt: past }, 'expiresAt'],
  ])('regenerate rejects %s and keeps the secret', async (_label, vars, field) => {
    const other = await signUpMerchant(srv.url);
    const { secret, apiKey } = await createKey(other.client);
    const res = await other.client.gql(REGENERATE_KEY, { id: apiKey.id, ...vars });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await other.client.withKey(secret).gql('{ shop { id } }')).status).toBe(200);
    const [listed] = (await other.client.ok(LIST_KEYS)).apiKeys;
    expect(listed.partialKey).toBe(apiKey.partialKey);
  });

  it.each([0, 26, -3])('setMaxActiveKeys rejects %i', async (max) => {
    const res = await m.client.gql(SET_MAX, { shopId: m.shopId, max });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'max' });
    const me = await m.client.ok('{ me { shops { maxActiveKeys } } }');
    expect(me.me.shops[0].maxActiveKeys).toBe(1);
  });
});
