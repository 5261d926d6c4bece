// The two switches `pnpm bench` relies on: BENCH_UNAUTHENTICATED_SHOP_ID (benchmark only,
// refused in production) and REQUEST_LOGGING=false. Both dialects.
import { ConfigError, loadConfig } from '../src/config';
import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant, TestClient } from './support/client';
import { REVOKE_KEY, SHOP_QUERY, createKey } from './support/api-keys';

describe('configuration of the bench switches', () => {
  it('refuses BENCH_UNAUTHENTICATED_SHOP_ID in production and leaves it off by default', () => {
    expect(loadConfig({}).benchUnauthenticatedShopId).toBeUndefined();
    expect(loadConfig({ BENCH_UNAUTHENTICATED_SHOP_ID: 'shop-1' }).benchUnauthenticatedShopId).toBe('shop-1');
    expect(() => loadConfig({ NODE_ENV: 'production', BENCH_UNAUTHENTICATED_SHOP_ID: 'shop-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', BENCH_UNAUTHENTICATED_SHOP_ID: 'shop-1' })).toThrow(/benchmarks only/);
  });

  it('logs requests unless REQUEST_LOGGING=false', () => {
    expect(loadConfig({}).requestLogging).toBe(true);
    expect(loadConfig({ REQUEST_LOGGING: 'false' }).requestLogging).toBe(false);
    expect(() => loadConfig({ REQUEST_LOGGING: 'sometimes' })).toThrow(/REQUEST_LOGGING must be true or false/);
  });
});

const logRows = async (srv: TestServer) => {
  await srv.app.services.requestLogs.flush();
  const [row] = (await srv.ds.query('SELECT COUNT(*) AS n FROM api_request_log')) as Array<{ n: number | string }>;
  return Number(row?.n);
};

describe('BENCH_UNAUTHENTICATED_SHOP_ID', () => {
  let srv: TestServer;
  let m: Awaited<ReturnType<typeof signUpMerchant>>;
  beforeAll(async () => {
    srv = await startTestServer();
    m = await signUpMerchant(srv.url);
    // As if started with BENCH_UNAUTHENTICATED_SHOP_ID=<the shop> (resolveCaller reads it per request).
    srv.app.services.config.benchUnauthenticatedShopId = m.shopId;
  });
  afterAll(async () => {
    await srv.close();
  });

  it('makes a request with neither key nor cookie a full-access partner of that shop', async () => {
    const anonymous = new TestClient(srv.url);
    expect(await anonymous.ok(SHOP_QUERY)).toEqual({ shop: { id: m.shopId, name: 'Test Shop' } });
    expect((await anonymous.ok('{ inventory(first: 20) { edges { cursor } } }')).inventory.edges).toEqual([]);
  });

  it('changes nothing for a request that sends a key or a session', async () => {
    const bad = await new TestClient(srv.url, 'sk_not_a_key').gql(SHOP_QUERY);
    expect(bad.status).toBe(401);
    const signedIn = new TestClient(srv.url);
    await signedIn.ok('mutation { signIn(email: "' + m.email + '", password: "' + m.password + '") { id } }');
    expect((await signedIn.ok('{ me { id } }')).me.id).toBe(m.merchantId);
  });
});

describe('REQUEST_LOGGING=false', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ REQUEST_LOGGING: 'false' });
  });
  afterAll(async () => {
    await srv.close();
  });

  it('serves partner calls and writes no request-log rows', async () => {
    const m = await signUpMerchant(srv.url);
    const key = await createKey(m.client);
    const before = await logRows(srv);
    expect((await m.client.withKey(key.secret).gql(SHOP_QUERY)).status).toBe(200);
    await m.client.ok(REVOKE_KEY, { id: key.apiKey.id });
    // A recognised but revoked key is logged too when logging is on; not here.
    expect((await m.client.withKey(key.secret).gql(SHOP_QUERY)).status).toBe(401);
    expect(await logRows(srv)).toBe(before);
  });
});
