import { ApiKeyEntity } from '../src/modules/api-keys/api-key.entity';
import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant } from './support/client';
import { END_ROTATION, LIST_KEYS, REGENERATE_KEY, REVOKE_KEY, SHOP_QUERY, createKey, regenerateKey } from './support/api-keys';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

/** HTTP status of a partner call with this secret: 200 works, 401 refused. */
const statusWith = async (client: any, secret: string) => (await client.withKey(secret).gql(SHOP_QUERY)).status;

describe('regenerateApiKey (BAC 7)', () => {
  it('keeps id, name, shop and scopes; new secret; the old one dies at once by default', async () => {
    const m = await signUpMerchant(srv.url);
    const old = await createKey(m.client, { name: 'Feed', scopes: ['SHOP_READ', 'INVENTORY_READ'] });
    // Warm the verification cache with the old secret: regeneration must still take effect at once.
    expect(await statusWith(m.client, old.secret)).toBe(200);
    const fresh = await regenerateKey(m.client, old.apiKey.id);
    expect(fresh.secret).not.toBe(old.secret);
    expect(fresh.apiKey).toMatchObject({ id: old.apiKey.id, name: 'Feed', scopes: ['SHOP_READ', 'INVENTORY_READ'], shop: { id: m.shopId }, rotation: null });
    expect(fresh.apiKey.partialKey).toBe(`sk_...${fresh.secret.slice(-6)}`);
    expect(fresh.apiKey.expiresAt).toBe(old.apiKey.expiresAt);
    expect(await statusWith(m.client, old.secret)).toBe(401);
    expect(await statusWith(m.client, fresh.secret)).toBe(200);
  });

  it('with a grace period, keeps the old secret valid until previousValidUntil', async () => {
    const m = await signUpMerchant(srv.url);
    const old = await createKey(m.client);
    const t0 = Date.now();
    const fresh = await regenerateKey(m.client, old.apiKey.id, 3600);
    expect(fresh.apiKey.rotation).toMatchObject({ previousPartialKey: old.apiKey.partialKey, previousLastUsedAt: null });
    const until = new Date(fresh.apiKey.rotation.previousValidUntil).getTime();
    expect(until).toBeGreaterThanOrEqual(t0 + 3600_000 - 50);
    expect(until).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(await statusWith(m.client, old.secret)).toBe(200);
    expect(await statusWith(m.client, fresh.secret)).toBe(200);
  });

  it('refuses the old secret once the grace period has passed (short real grace)', async () => {
    const m = await signUpMerchant(srv.url);
    const old = await createKey(m.client);
    await regenerateKey(m.client, old.apiKey.id, 1);
    expect(await statusWith(m.client, old.secret)).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await m.client.withKey(old.secret).gql(SHOP_QUERY);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.message).toMatch(/rotated out/);
    const [listed] = (await m.client.ok(LIST_KEYS)).apiKeys;
    expect(listed.rotation).toBeNull();
  });

  it('keeps two slots, never three: a still-valid older previous secret is dropped', async () => {
    const m = await signUpMerchant(srv.url);
    const first = await createKey(m.client);
    const second = await regenerateKey(m.client, first.apiKey.id, 3600);
    const third = await regenerateKey(m.client, first.apiKey.id, 3600);
    expect(third.apiKey.rotation.previousPartialKey).toBe(second.apiKey.partialKey);
    expect(await statusWith(m.client, first.secret)).toBe(401);
    expect(await statusWith(m.client, second.secret)).toBe(200);
    expect(await statusWith(m.client, third.secret)).toBe(200);
    // A regeneration without grace drops the previous slot too.
    const fourth = await regenerateKey(m.client, first.apiKey.id, 0);
    expect(fourth.apiKey.rotation).toBeNull();
    expect(await statusWith(m.client, second.secret)).toBe(401);
    expect(await statusWith(m.client, third.secret)).toBe(401);
    expect(await statusWith(m.client, fourth.secret)).toBe(200);
  });

  it('reports calls made with the previous secret in rotation.previousLastUsedAt when the log writer records them', async () => {
    const m = await signUpMerchant(srv.url);
    const old = await createKey(m.client);
    const fresh = await regenerateKey(m.client, old.apiKey.id, 3600);
    // The request-log writer coalesces last-used times; simulate its write to check the read side.
    const usedAt = new Date();
    await srv.ds.getRepository(ApiKeyEntity).update({ id: old.apiKey.id }, { previousLastUsedAt: usedAt });
    const [listed] = (await m.client.ok(LIST_KEYS)).apiKeys;
    expect(listed.rotation).toMatchObject({ previousPartialKey: old.apiKey.partialKey, previousLastUsedAt: usedAt.toISOString() });
    expect(listed.partialKey).toBe(fresh.apiKey.partialKey);
  });

  it('refuses to regenerate a revoked key, with a clear message, and changes nothing', async () => {
    const m = await signUpMerchant(srv.url);
    const k = await createKey(m.client);
    await m.client.ok(REVOKE_KEY, { id: k.apiKey.id });
    const res = await m.client.gql(REGENERATE_KEY, { id: k.apiKey.id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(res.errors?.[0]?.message).toMatch(/revoked/);
    const row = await srv.ds.getRepository(ApiKeyEntity).findOneByOrFail({ id: k.apiKey.id });
    expect(row.partialKey).toBe(k.apiKey.partialKey);
  });

  it('renews an expired key with an explicit expiry and no revived old secret', async () => {
    const m = await signUpMerchant(srv.url);
    const k = await createKey(m.client);
    await srv.ds.getRepository(ApiKeyEntity).update({ id: k.apiKey.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await statusWith(m.client, k.secret)).toBe(401);
    const expiresAt = new Date(Date.now() + 7 * 86400_000).toISOString();
    const fresh = await regenerateKey(m.client, k.apiKey.id, 3600, expiresAt);
    expect(fresh.apiKey).toMatchObject({ status: 'ACTIVE', expiresAt, rotation: null });
    expect(await statusWith(m.client, k.secret)).toBe(401);
    expect(await statusWith(m.client, fresh.secret)).toBe(200);
  });
});

describe('endRotation', () => {
  it('stops the previous secret now and keeps the current one', async () => {
    const m = await signUpMerchant(srv.url);
    const old = await createKey(m.client);
    const fresh = await regenerateKey(m.client, old.apiKey.id, 3600);
    expect(await statusWith(m.client, old.secret)).toBe(200);
    const ended = (await m.client.ok(END_ROTATION, { id: old.apiKey.id })).endRotation;
    expect(ended).toMatchObject({ id: old.apiKey.id, rotation: null, status: 'ACTIVE' });
    expect(await statusWith(m.client, old.secret)).toBe(401);
    expect(await statusWith(m.client, fresh.secret)).toBe(200);
  });

  it('is harmless when nothing is rotating', async () => {
    const m = await signUpMerchant(srv.url);
    const k = await createKey(m.client);
    expect((await m.client.ok(END_ROTATION, { id: k.apiKey.id })).endRotation.rotation).toBeNull();
    expect(await statusWith(m.client, k.secret)).toBe(200);
  });
});

describe('revokeApiKey (BAC 8)', () => {
  it('stops both secrets immediately and for good, and hides the key unless includeRevoked', async () => {
    const m = await signUpMerchant(srv.url);
    const old = await createKey(m.client);
    const fresh = await regenerateKey(m.client, old.apiKey.id, 3600);
    expect(await statusWith(m.client, old.secret)).toBe(200);
    expect(await statusWith(m.client, fresh.secret)).toBe(200);
    const revoked = (await m.client.ok(REVOKE_KEY, { id: old.apiKey.id })).revokeApiKey;
    expect(revoked).toMatchObject({ status: 'REVOKED', rotation: null });
    expect(revoked.revokedAt).not.toBeNull();
    const res = await m.client.withKey(fresh.secret).gql(SHOP_QUERY);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.message).toMatch(/revoked/);
    expect(await statusWith(m.client, old.secret)).toBe(401);
    expect((await m.client.ok(LIST_KEYS)).apiKeys).toEqual([]);
    const all = (await m.client.ok(LIST_KEYS, { includeRevoked: true })).apiKeys;
    expect(all).toEqual([expect.objectContaining({ id: old.apiKey.id, status: 'REVOKED' })]);
    // Revoking again is idempotent and keeps the original time; the key never comes back.
    const again = (await m.client.ok(REVOKE_KEY, { id: old.apiKey.id })).revokeApiKey;
    expect(again.revokedAt).toBe(revoked.revokedAt);
    expect(await statusWith(m.client, fresh.secret)).toBe(401);
  });
});
