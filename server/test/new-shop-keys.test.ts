import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant } from './support/client';
import { CREATE_KEY, PNG_1x1, newShopInput } from './support/api-keys';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(8)]);

describe('NEW_SHOP keys (BAC 3)', () => {
  it('creates a headless shop owned by the merchant, with its key, and serves the uploaded logo', async () => {
    const m = await signUpMerchant(srv.url);
    const res = await m.client.ok(CREATE_KEY, { input: newShopInput() });
    const { apiKey, secret } = res.createApiKey;
    expect(apiKey).toMatchObject({ type: 'NEW_SHOP', status: 'ACTIVE', shop: { name: 'Headless Co', url: 'https://headless.example.com/', isHeadless: true, maxActiveKeys: 1 } });
    const shopId = apiKey.shop.id;
    expect(apiKey.shop.logoUrl).toBe(`/logos/${shopId}`);
    const me = await m.client.ok('{ me { shops { id isHeadless } } }');
    expect(me.me.shops).toEqual([
      { id: m.shopId, isHeadless: false },
      { id: shopId, isHeadless: true },
    ]);
    // The key belongs to the new shop, not the merchant's first one.
    expect((await m.client.withKey(secret).ok('{ shop { id } }')).shop.id).toBe(shopId);

    const logo = await fetch(`${srv.url}${apiKey.shop.logoUrl}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logo.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(Buffer.from(PNG_1x1.split(',')[1] as string, 'base64'));
  });

  it.each([
    ['image/jpeg', JPEG],
    ['image/webp', WEBP],
  ])('accepts a %s logo checked by its magic bytes', async (mime, bytes) => {
    const m = await signUpMerchant(srv.url);
    const res = await m.client.ok(CREATE_KEY, { input: newShopInput({ logo: `data:${mime};base64,${bytes.toString('base64')}` }) });
    const logo = await fetch(`${srv.url}${res.createApiKey.apiKey.shop.logoUrl}`);
    expect(logo.headers.get('content-type')).toBe(mime);
  });

  it('keeps an https logo URL as the shop logoUrl', async () => {
    const m = await signUpMerchant(srv.url);
    const res = await m.client.ok(CREATE_KEY, { input: newShopInput({ logo: 'https://cdn.example.com/logo.png' }) });
    expect(res.createApiKey.apiKey.shop.logoUrl).toBe('https://cdn.example.com/logo.png');
  });

  it('answers 404 for a shop without an uploaded logo or an unknown one', async () => {
    const m = await signUpMerchant(srv.url);
    expect((await fetch(`${srv.url}/logos/${m.shopId}`)).status).toBe(404);
    expect((await fetch(`${srv.url}/logos/nope`)).status).toBe(404);
    expect((await fetch(`${srv.url}/logos/${'x'.repeat(500)}`)).status).toBe(404);
  });

  it('rolls the new shop back when the key cannot be created', async () => {
    const m = await signUpMerchant(srv.url);
    const res = await m.client.gql(CREATE_KEY, { input: { ...newShopInput(), shopId: m.shopId } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shopId' });
    expect((await m.client.ok('{ me { shops { id } } }')).me.shops).toHaveLength(1);
  });
});
