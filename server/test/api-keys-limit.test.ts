import { ApiKeyEntity } from '../src/modules/api-keys/api-key.entity';
import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant } from './support/client';
import { CREATE_KEY, LIST_KEYS, REVOKE_KEY, SET_MAX, createKey, newShopInput, regenerateKey } from './support/api-keys';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

const create = (client: any, input: Record<string, unknown> = {}) => client.gql(CREATE_KEY, { input: { name: 'k', type: 'CURRENT_SHOP', ...input } });
const expireInDb = (id: string) => srv.ds.getRepository(ApiKeyEntity).update({ id }, { expiresAt: new Date(Date.now() - 1000) });

describe('one active key per shop by default (BAC 6)', () => {
  it('refuses a second active key with KEY_LIMIT_REACHED and creates nothing', async () => {
    const m = await signUpMerchant(srv.url);
    await createKey(m.client);
    const res = await create(m.client);
    expect(res.errors[0].extensions).toMatchObject({ code: 'KEY_LIMIT_REACHED', limit: 1, active: 1 });
    expect((await m.client.ok(LIST_KEYS)).apiKeys).toHaveLength(1);
  });

  it('does not count revoked or expired keys', async () => {
    const m = await signUpMerchant(srv.url);
    const first = await createKey(m.client);
    await m.client.ok(REVOKE_KEY, { id: first.apiKey.id });
    const second = await createKey(m.client);
    await expireInDb(second.apiKey.id);
    const listed = await m.client.ok(LIST_KEYS);
    expect(listed.apiKeys.map((k: any) => k.status)).toEqual(['EXPIRED']);
    await createKey(m.client);
  });

  it('applies per shop: a NEW_SHOP key gets its own shop and limit', async () => {
    const m = await signUpMerchant(srv.url);
    await createKey(m.client);
    const res = await create(m.client, newShopInput());
    expect(res.errors).toBeUndefined();
    const newShopId = res.data.createApiKey.apiKey.shop.id;
    expect(newShopId).not.toBe(m.shopId);
    expect((await create(m.client, { shopId: newShopId })).errors[0].extensions.code).toBe('KEY_LIMIT_REACHED');
  });

  it('holds under concurrency: 20 simultaneous creates make exactly one key (three shops racing at once)', async () => {
    const merchants = await Promise.all([1, 2, 3].map(() => signUpMerchant(srv.url)));
    const rounds = await Promise.all(merchants.map((m) => Promise.all(Array.from({ length: 20 }, (_, i) => create(m.client, { name: `race ${i}` })))));
    for (const [i, results] of rounds.entries()) {
      const codes = results.filter((r) => r.errors).map((r) => r.errors[0].extensions.code);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(codes).toEqual(Array(19).fill('KEY_LIMIT_REACHED'));
      expect(await srv.ds.getRepository(ApiKeyEntity).countBy({ shopId: (merchants[i] as { shopId: string }).shopId })).toBe(1);
    }
  });

  it('holds under concurrency with a raised limit: 20 creates against max 3 make exactly 3', async () => {
    const m = await signUpMerchant(srv.url);
    await m.client.ok(SET_MAX, { shopId: m.shopId, max: 3 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => create(m.client, { name: `race ${i}` })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(await srv.ds.getRepository(ApiKeyEntity).countBy({ shopId: m.shopId })).toBe(3);
  });
});

describe('setMaxActiveKeys', () => {
  it('lets the owner raise the limit to 25 and lower it again without touching existing keys', async () => {
    const m = await signUpMerchant(srv.url);
    expect((await m.client.ok(SET_MAX, { shopId: m.shopId, max: 25 })).setMaxActiveKeys).toEqual({ id: m.shopId, maxActiveKeys: 25 });
    await createKey(m.client, { name: 'a' });
    await createKey(m.client, { name: 'b' });
    await m.client.ok(SET_MAX, { shopId: m.shopId, max: 1 });
    const keys = (await m.client.ok(LIST_KEYS)).apiKeys;
    expect(keys.map((k: any) => k.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect((await create(m.client)).errors[0].extensions.code).toBe('KEY_LIMIT_REACHED');
  });

  it("answers NOT_FOUND for another merchant's shop and changes nothing", async () => {
    const owner = await signUpMerchant(srv.url);
    const other = await signUpMerchant(srv.url);
    const res = await other.client.gql(SET_MAX, { shopId: owner.shopId, max: 5 });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const me = await owner.client.ok('{ me { shops { maxActiveKeys } } }');
    expect(me.me.shops[0].maxActiveKeys).toBe(1);
  });
});

describe('regenerating an expired key renews it within the limit', () => {
  it('renews an expired key for one year when there is room', async () => {
    const m = await signUpMerchant(srv.url);
    const { apiKey } = await createKey(m.client);
    await expireInDb(apiKey.id);
    const renewed = await regenerateKey(m.client, apiKey.id);
    expect(renewed.apiKey).toMatchObject({ id: apiKey.id, status: 'ACTIVE', rotation: null });
    expect(new Date(renewed.apiKey.expiresAt).getTime()).toBeGreaterThan(Date.now() + 364 * 86400_000);
    expect((await m.client.withKey(renewed.secret).gql('{ shop { id } }')).status).toBe(200);
  });

  it('refuses to revive an expired key when another key is already active', async () => {
    const m = await signUpMerchant(srv.url);
    const old = await createKey(m.client, { name: 'old' });
    await expireInDb(old.apiKey.id);
    await createKey(m.client, { name: 'new' });
    const res = await m.client.gql(`mutation($id: ID!) { regenerateApiKey(id: $id) { secret } }`, { id: old.apiKey.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('KEY_LIMIT_REACHED');
    const row = await srv.ds.getRepository(ApiKeyEntity).findOneByOrFail({ id: old.apiKey.id });
    expect(row.partialKey).toBe(old.apiKey.partialKey);
  });
});
