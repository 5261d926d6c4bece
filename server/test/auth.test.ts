import { startTestServer, type TestServer } from './support/test-server';
import { SIGN_UP, TestClient, signUpMerchant, uniqueEmail } from './support/client';

const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id email } }`;
const ME = `{ me { id email shops { id name url logoUrl isHeadless maxActiveKeys createdAt } } }`;

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

async function counts() {
  const [[m], [s]] = await Promise.all([
    srv.ds.query('SELECT COUNT(*) AS n FROM merchant'),
    srv.ds.query('SELECT COUNT(*) AS n FROM shop'),
  ]);
  return { merchants: Number(m.n), shops: Number(s.n) };
}

describe('merchant accounts', () => {
  it('signs up with a first shop, stays signed in through an httpOnly session cookie', async () => {
    const client = new TestClient(srv.url);
    const email = uniqueEmail();
    const res = await client.gql(SIGN_UP, { email: `  ${email.toUpperCase()} `, password: 'password123', shopName: ' Corner Shop ' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.signUp.email).toBe(email);
    expect(res.data?.signUp.shops).toEqual([expect.objectContaining({ name: 'Corner Shop', isHeadless: false, maxActiveKeys: 1 })]);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ks_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const me = await client.ok(ME);
    expect(me.me.email).toBe(email);
    expect(me.me.shops[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('answers me: null without a session', async () => {
    expect((await new TestClient(srv.url).ok(ME)).me).toBeNull();
  });

  it('signs out for real: the old cookie no longer works', async () => {
    const { client } = await signUpMerchant(srv.url);
    const stolen = new TestClient(srv.url);
    await client.ok(ME);
    const cookie = client.sessionCookie;
    expect(cookie).toBeDefined();
    expect((await client.ok('mutation { signOut }')).signOut).toBe(true);
    const res = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie as string },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await res.json()) as any).data.me).toBeNull();
    expect((await stolen.ok(ME)).me).toBeNull();
  });

  it('signs in with any casing of the email; wrong password and unknown email get the same error', async () => {
    const { email, password } = await signUpMerchant(srv.url);
    const client = new TestClient(srv.url);
    expect((await client.ok(SIGN_IN, { email: email.toUpperCase(), password })).signIn.email).toBe(email);
    expect((await client.ok(ME)).me.email).toBe(email);

    const wrong = await new TestClient(srv.url).gql(SIGN_IN, { email, password: 'not the password' });
    const unknown = await new TestClient(srv.url).gql(SIGN_IN, { email: uniqueEmail('nobody'), password: 'not the password' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it.each([
    ['email', { email: 'not-an-email', password: 'password123', shopName: 'S' }],
    ['password', { password: 'short', shopName: 'S' }],
    ['password', { password: 'x'.repeat(73), shopName: 'S' }],
    ['password', { password: 'é'.repeat(37), shopName: 'S' }], // 74 bytes, 37 characters
    ['shopName', { password: 'password123', shopName: '   ' }],
    ['shopName', { password: 'password123', shopName: 'x'.repeat(101) }],
  ])('refuses bad %s with BAD_USER_INPUT and creates nothing', async (field, input) => {
    const before = await counts();
    const res = await new TestClient(srv.url).gql(SIGN_UP, { email: uniqueEmail(), ...input });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message).toMatch(new RegExp(field === 'shopName' ? 'Shop name|shopName' : field, 'i'));
    expect(await counts()).toEqual(before);
  });

  it('accepts a password of exactly 72 bytes', async () => {
    const res = await new TestClient(srv.url).gql(SIGN_UP, { email: uniqueEmail(), password: 'p'.repeat(72), shopName: 'S' });
    expect(res.errors).toBeUndefined();
  });

  it('refuses a duplicate email (any casing) and leaves no half-created shop', async () => {
    const { email } = await signUpMerchant(srv.url);
    const before = await counts();
    const res = await new TestClient(srv.url).gql(SIGN_UP, { email: email.toUpperCase(), password: 'password123', shopName: 'Again' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await counts()).toEqual(before);
  });

  it('creates exactly one account when the same email signs up concurrently', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => new TestClient(srv.url).gql(SIGN_UP, { email, password: 'password123', shopName: 'Race' })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    for (const r of results.filter((x) => x.errors)) expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [row] = await srv.ds.query('SELECT COUNT(*) AS n FROM merchant WHERE email = ?', [email]);
    expect(Number(row.n)).toBe(1);
  });

  it('stores only a bcrypt hash of the password and a hash of the session id', async () => {
    const { client, email, password } = await signUpMerchant(srv.url);
    const [m] = await srv.ds.query('SELECT password_hash FROM merchant WHERE email = ?', [email]);
    expect(m.password_hash).toMatch(/^\$2[aby]\$1\d\$/);
    expect(m.password_hash).not.toContain(password);
    const sessionId = (client.sessionCookie ?? '').split('=')[1] as string;
    const rows = await srv.ds.query('SELECT id_hash FROM session');
    expect(rows.some((r: { id_hash: string }) => r.id_hash === sessionId)).toBe(false);
  });

  it('keeps CSRF prevention on: a simple form POST is refused', async () => {
    const res = await fetch(`${srv.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(res.status).toBe(400);
  });

  it('masks unexpected errors and answers /healthz', async () => {
    const health = await fetch(`${srv.url}/healthz`);
    expect(health.status).toBe(200);
    const res = await new TestClient(srv.url).gql('{ nope }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
