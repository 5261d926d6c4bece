import { generateApiKey } from '@keysmith/shared';
import { ApiKeyEntity } from '../src/modules/api-keys/api-key.entity';
import { KeyAuthService, DatabaseUnavailableError } from '../src/modules/api-keys/key-auth.service';
import { createDataSource } from '../src/db/data-source';
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

const opts = { ttlWithBusMs: 60_000, ttlWithoutBusMs: 60_000, negativeTtlMs: 60_000, maxEntries: 1000 };
const logger = createLogger('silent');

describe('key verification (the hot path)', () => {
  it('verifies a key by its hash in either slot and reports which one was used', async () => {
    const previous = generateApiKey();
    const { id, secret } = await insertKey(srv.ds, shop, { previousHash: sha256(previous), previousValidUntil: new Date(Date.now() + 60_000) });
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    expect(await auth.authenticate(secret)).toMatchObject({ ok: true, key: { id, shopId: shop.shopId, usedPreviousSecret: false } });
    expect(await auth.authenticate(previous)).toMatchObject({ ok: true, key: { id, usedPreviousSecret: true } });
  });

  it('says why a key is refused: invalid, expired, revoked, rotated out', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const expired = await insertKey(srv.ds, shop, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await insertKey(srv.ds, shop, { revokedAt: new Date() });
    const old = generateApiKey();
    await insertKey(srv.ds, shop, { previousHash: sha256(old), previousValidUntil: new Date(Date.now() - 1000) });
    expect(await auth.authenticate(generateApiKey())).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await auth.authenticate('sk_nope')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await auth.authenticate(expired.secret)).toMatchObject({ ok: false, reason: 'expired', key: { id: expired.id } });
    expect(await auth.authenticate(revoked.secret)).toMatchObject({ ok: false, reason: 'revoked', key: { id: revoked.id } });
    expect(await auth.authenticate(old)).toMatchObject({ ok: false, reason: 'expired', message: expect.stringMatching(/rotated out/) });
  });

  it('serves repeated calls from the cache, drops the entry on invalidation', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const { id, secret } = await insertKey(srv.ds, shop);
    expect((await auth.authenticate(secret)).ok).toBe(true);
    await srv.ds.getRepository(ApiKeyEntity).update({ id }, { revokedAt: new Date() });
    // Cached: the database change is not seen until the key is invalidated (what revoke does).
    expect((await auth.authenticate(secret)).ok).toBe(true);
    await auth.invalidateKey(id);
    expect(await auth.authenticate(secret)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('answers from memory without a promise, and asks the database with one', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const lookups = spyOnKeyLookups(auth);
    const expiresAt = Date.now() + 10_000;
    const { id, secret } = await insertKey(srv.ds, shop, { expiresAt: new Date(expiresAt) });
    const first = auth.verify(secret);
    expect(first).toBeInstanceOf(Promise); // a miss: one lookup
    expect(await first).toMatchObject({ ok: true, key: { id } });
    expect(auth.verify(secret)).toMatchObject({ ok: true, key: { id } }); // a hit: the answer itself
    expect(auth.verify('sk_nope')).toMatchObject({ ok: false, reason: 'invalid' });
    const unknown = generateApiKey();
    expect(await auth.verify(unknown)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(auth.verify(unknown)).toMatchObject({ ok: false, reason: 'invalid' }); // remembered as unknown
    expect(lookups).toHaveBeenCalledTimes(2);
    // Expiry is still judged on a hit (the entry itself lives 60 s).
    expect(auth.verify(secret, expiresAt + 1)).toMatchObject({ ok: false, reason: 'expired' });
    expect(lookups).toHaveBeenCalledTimes(2);
  });

  it('checks expiry on every request, even for a cached key', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const expiresAt = new Date(Date.now() + 60_000);
    const { secret } = await insertKey(srv.ds, shop, { expiresAt });
    expect((await auth.authenticate(secret)).ok).toBe(true);
    expect(await auth.authenticate(secret, expiresAt.getTime() + 1)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('re-reads the database once the TTL has passed (the bound without Redis)', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, { ...opts, ttlWithoutBusMs: 50 });
    const { id, secret } = await insertKey(srv.ds, shop);
    const t0 = Date.now();
    expect((await auth.authenticate(secret, t0)).ok).toBe(true);
    await srv.ds.getRepository(ApiKeyEntity).update({ id }, { revokedAt: new Date() });
    expect((await auth.authenticate(secret, t0 + 10)).ok).toBe(true);
    expect(await auth.authenticate(secret, t0 + 100)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('remembers unknown hashes briefly, so garbage keys do not reach the database every time', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const unknown = generateApiKey();
    const spy = spyOnKeyLookups(auth);
    await auth.authenticate(unknown);
    await auth.authenticate(unknown);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('never asks the database about a key whose format or checksum is wrong', async () => {
    const auth = new KeyAuthService(srv.ds, logger, undefined, opts);
    const good = generateApiKey();
    const badChecksum = `${good.slice(0, -1)}${good.endsWith('x') ? 'y' : 'x'}`;
    const badAlphabet = `sk_${'!'.repeat(good.length - 3)}`;
    const spy = spyOnKeyLookups(auth);
    for (const key of [badChecksum, badAlphabet, 'sk_short', `${good}x`]) {
      expect(await auth.authenticate(key)).toMatchObject({ ok: false, reason: 'invalid', message: 'Invalid API key.' });
    }
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('fails closed when the database is unavailable', async () => {
    const ds = createDataSource({ databaseUrl: srv.config.databaseUrl, sqlitePath: srv.config.sqlitePath });
    await ds.initialize();
    const auth = new KeyAuthService(ds, logger, undefined, opts);
    const { secret } = await insertKey(srv.ds, shop);
    await ds.destroy();
    await expect(auth.authenticate(secret)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});

describe('API keys over HTTP', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${srv.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ me { id } }' }) });

  it.each([
    ['a key with a wrong checksum', { authorization: `Bearer ${generateApiKey().slice(0, -1)}x` }],
    ['garbage', { authorization: 'Bearer !!garbage!!' }],
    ['a 10 KB header', { authorization: `Bearer sk_${'a'.repeat(10_240)}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an unknown X-API-Key', { 'x-api-key': generateApiKey() }],
  ])('answers 401 with WWW-Authenticate for %s, never a 5xx', async (_label, headers) => {
    const res = await post(headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="keysmith", error="invalid_token"/);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toBe('Invalid API key.');
    expect(body.data).toBeUndefined();
  });

  it.each([
    ['Bearer', (k: string) => ({ authorization: `Bearer ${k}` })],
    ['lower-case bearer, extra spaces', (k: string) => ({ authorization: `bearer   ${k}  ` })],
    ['a tab after Bearer', (k: string) => ({ authorization: `Bearer\t${k}` })],
    ['X-API-Key', (k: string) => ({ 'x-api-key': k })],
  ])('accepts a key sent as %s', async (_label, headers) => {
    const { secret } = await insertKey(srv.ds, shop);
    const res = await post(headers(secret));
    // A key that is sent is verified or refused with a 401, never ignored: 200 means accepted.
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).errors).toBeUndefined();
  });

  it('names the reason for a revoked or expired key', async () => {
    const revoked = await insertKey(srv.ds, shop, { revokedAt: new Date() });
    const expired = await insertKey(srv.ds, shop, { expiresAt: new Date(Date.now() - 1000) });
    const r1 = await post({ authorization: `Bearer ${revoked.secret}` });
    const r2 = await post({ 'x-api-key': expired.secret });
    expect([r1.status, r2.status]).toEqual([401, 401]);
    expect(((await r1.json()) as any).errors[0].message).toMatch(/revoked/);
    expect(((await r2.json()) as any).errors[0].message).toMatch(/expired/);
  });
});
