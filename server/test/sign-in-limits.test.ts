import crypto from 'node:crypto';
import { startTestServer, type TestServer } from './support/test-server';
import { TestClient, uniqueEmail } from './support/client';

const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`;

describe('sign-in attempt limits', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('refuses further attempts with RATE_LIMITED and retryAfterSeconds', async () => {
    const srv = await startTestServer({ AUTH_RATE_LIMIT: '3' });
    servers.push(srv);
    const email = uniqueEmail('brute');
    const client = new TestClient(srv.url);
    for (let i = 0; i < 3; i++) expect((await client.gql(SIGN_IN, { email, password: 'wrong password' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const limited = await client.gql(SIGN_IN, { email, password: 'wrong password' });
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });

  it('shares the count between instances through Redis', async () => {
    // A fresh client address per run, so earlier runs' counts in Redis do not matter.
    const ip = `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(256)}`;
    const env = { AUTH_RATE_LIMIT: '3', REDIS_URL: 'redis://127.0.0.1:6379', TRUST_PROXY: 'true' };
    const [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
    servers.push(a, b);
    const email = uniqueEmail('spread');
    const headers = { 'x-forwarded-for': ip };
    for (let i = 0; i < 3; i++) await new TestClient(a.url).gql(SIGN_IN, { email, password: 'wrong password' }, headers);
    const onB = await new TestClient(b.url).gql(SIGN_IN, { email, password: 'wrong password' }, headers);
    expect(onB.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});
