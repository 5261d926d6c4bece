// The switches `pnpm bench` and its tools rely on: BENCH_UNAUTHENTICATED_SHOP_ID and
// BENCH_LOGGING_SIGNAL (benchmark only, refused in production) and REQUEST_LOGGING=false.
// Both dialects.
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

  it('refuses BENCH_LOGGING_SIGNAL in production and leaves it off by default', () => {
    expect(loadConfig({}).benchLoggingSignal).toBe(false);
    expect(loadConfig({ BENCH_LOGGING_SIGNAL: 'true' }).benchLoggingSignal).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', BENCH_LOGGING_SIGNAL: 'true' })).toThrow(/BENCH_LOGGING_SIGNAL is for benchmarks only/);
    expect(loadConfig({ NODE_ENV: 'production', BENCH_LOGGING_SIGNAL: 'false' }).benchLoggingSignal).toBe(false);
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

describe('BENCH_LOGGING_SIGNAL', () => {
  let srv: TestServer;
  const listenersBefore = process.listenerCount('SIGUSR2');
  beforeAll(async () => {
    srv = await startTestServer({ BENCH_LOGGING_SIGNAL: 'true' });
  });
  afterAll(async () => {
    await srv.close();
  });

  /**
   * SIGUSR2 as the process sees it. Emitted rather than sent with process.kill: jest gives each
   * test file its own `process` object, so a real signal would find no handler and end the worker.
   */
  const flip = () => {
    const was = srv.app.services.config.requestLogging;
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(srv.app.services.config.requestLogging).toBe(!was);
  };

  it('turns logging off and on again in the running process, on both GraphQL paths and the 401 path', async () => {
    expect(process.listenerCount('SIGUSR2')).toBe(listenersBefore + 1);
    const m = await signUpMerchant(srv.url);
    // One active key per shop by default: revoke the first before the second is made.
    const revoked = await createKey(m.client);
    await m.client.ok(REVOKE_KEY, { id: revoked.apiKey.id });
    const key = await createKey(m.client);
    const partner = m.client.withKey(key.secret);
    // The compiled fast path, Apollo (a document that fails validation is never compiled) and a
    // recognised key refused with 401.
    const calls = async () => {
      expect((await partner.gql(SHOP_QUERY)).status).toBe(200);
      expect((await partner.gql('{ shop { noSuchField } }')).status).toBe(400);
      expect((await m.client.withKey(revoked.secret).gql(SHOP_QUERY)).status).toBe(401);
    };
    const start = await logRows(srv);
    await calls();
    expect(await logRows(srv)).toBe(start + 3);
    flip();
    await calls();
    expect(await logRows(srv)).toBe(start + 3);
    flip();
    await calls();
    expect(await logRows(srv)).toBe(start + 6);
  });

  it('removes its handler when the server closes', async () => {
    const other = await startTestServer({ BENCH_LOGGING_SIGNAL: 'true' });
    expect(process.listenerCount('SIGUSR2')).toBe(listenersBefore + 2);
    await other.close();
    expect(process.listenerCount('SIGUSR2')).toBe(listenersBefore + 1);
  });
});
