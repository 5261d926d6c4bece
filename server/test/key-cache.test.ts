// The verification cache under concurrency: one read per hash at a time, no stale entry
// cached across an invalidation, and garbage keys that cannot push good keys out. Both dialects.
import { generateApiKey } from '@keysmith/shared';
import { ApiKeyEntity } from '../src/modules/api-keys/api-key.entity';
import { KeyAuthService } from '../src/modules/api-keys/key-auth.service';
import { createLogger } from '../src/logger';
import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant } from './support/client';
import { insertKey, sha256, spyOnKeyLookups } from './support/keys';

let srv: TestServer;
let shop: { shopId: string; merchantId: string };
beforeAll(async () => {
  srv = await startTestServer();
  shop = await signUpMerchant(srv.url);
});
afterAll(async () => {
  await srv.close();
});
afterEach(() => jest.restoreAllMocks());

const opts = { ttlWithBusMs: 60_000, ttlWithoutBusMs: 60_000, negativeTtlMs: 60_000, maxEntries: 1000 };
const logger = createLogger('silent');

/** Counts `auth`'s key lookups (the UNION over both slots) and can hold their answers until released. */
function watchLookups(auth: KeyAuthService) {
  const original = auth['readKeyRows'].bind(auth);
  const spy = spyOnKeyLookups(auth);
  let gate: Promise<void> | undefined;
  let release = () => {};
  spy.mockImplementation(async (hash: string) => {
    const rows = await original(hash);
    // The row has been read; its answer reaches the cache only when released.
    if (gate) await gate;
    return rows;
  });
  return {
    lookups: () => spy.mock.calls.length,
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
  };
}

describe('key cache under concurrency', () => {
  it('answers many concurrent requests for one uncached key with one database read', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const { id, secret } = await insertKey(srv.ds, shop);
    const watch = watchLookups(auth);
    const results = await Promise.all(Array.from({ length: 50 }, () => auth.authenticate(secret)));
    expect(results.every((r) => r.ok && r.key.id === id)).toBe(true);
    expect(watch.lookups()).toBe(1);
  });

  it('does not cache a read that was under way when the key was invalidated', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const { id, secret } = await insertKey(srv.ds, shop);
    const watch = watchLookups(auth);
    watch.hold();
    const during = auth.authenticate(secret); // reads the row before the revoke commits
    await new Promise((r) => setTimeout(r, 20));
    await srv.ds.getRepository(ApiKeyEntity).update({ id }, { revokedAt: new Date() });
    await auth.invalidateKey(id);
    // A request arriving after the invalidation must not join the stale read either.
    const after = auth.authenticate(secret);
    watch.release();
    expect((await during).ok).toBe(true); // concurrent with the revoke: either answer is fair
    expect(await after).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await auth.authenticate(secret)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('keeps verified keys cached while a flood of unknown (well-formed) keys arrives', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, { ...opts, maxEntries: 100 });
    const good = await insertKey(srv.ds, shop);
    expect((await auth.authenticate(good.secret)).ok).toBe(true);
    for (let i = 0; i < 300; i++) expect((await auth.authenticate(generateApiKey())).ok).toBe(false);
    const watch = watchLookups(auth);
    expect((await auth.authenticate(good.secret)).ok).toBe(true);
    expect(watch.lookups()).toBe(0);
  });

  it('drops both secret slots of a key on invalidation', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const previous = generateApiKey();
    const { id, secret } = await insertKey(srv.ds, shop, { previousHash: sha256(previous), previousValidUntil: new Date(Date.now() + 60_000) });
    expect((await auth.authenticate(secret)).ok).toBe(true);
    expect((await auth.authenticate(previous)).ok).toBe(true);
    await srv.ds.getRepository(ApiKeyEntity).update({ id }, { previousHash: null, previousValidUntil: null });
    await auth.invalidateKey(id);
    expect(await auth.authenticate(previous)).toMatchObject({ ok: false, reason: 'invalid' });
    expect((await auth.authenticate(secret)).ok).toBe(true);
  });
});
