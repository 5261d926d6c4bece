import { startTestServer, type TestServer } from './support/test-server';
import { TestClient, signUpMerchant } from './support/client';
import { AUDIT, END_ROTATION, LIST_KEYS, REGENERATE_KEY, REVOKE_KEY, SET_MAX, SHOP_QUERY, createKey, regenerateKey } from './support/api-keys';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

describe("another merchant's key or shop answers NOT_FOUND, exactly like a missing one", () => {
  it.each([
    ['regenerateApiKey', REGENERATE_KEY],
    ['endRotation', END_ROTATION],
    ['revokeApiKey', REVOKE_KEY],
  ])('%s', async (_name, doc) => {
    const owner = await signUpMerchant(srv.url);
    const other = await signUpMerchant(srv.url);
    const k = await createKey(owner.client);
    const theirs = await other.client.gql(doc, { id: k.apiKey.id });
    const missing = await other.client.gql(doc, { id: '00000000-0000-4000-8000-000000000000' });
    expect(theirs.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(theirs.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(await owner.client.withKey(k.secret).gql(SHOP_QUERY)).toMatchObject({ status: 200 });
    const [listed] = (await owner.client.ok(LIST_KEYS)).apiKeys;
    expect(listed).toMatchObject({ partialKey: k.apiKey.partialKey, status: 'ACTIVE', rotation: null });
  });

  it('apiKeys and createApiKey with their shop', async () => {
    const owner = await signUpMerchant(srv.url);
    const other = await signUpMerchant(srv.url);
    await createKey(owner.client);
    expect((await other.client.gql(LIST_KEYS, { shopId: owner.shopId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await other.client.ok(LIST_KEYS)).apiKeys).toEqual([]);
    const res = await other.client.gql(`mutation($s: ID) { createApiKey(input: { name: "x", type: CURRENT_SHOP, shopId: $s }) { secret } }`, { s: owner.shopId });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('audit trail', () => {
  it('records create, regenerate, end of rotation, revoke and limit change with key, time and IP, newest first', async () => {
    const m = await signUpMerchant(srv.url);
    const t0 = Date.now();
    const k = await createKey(m.client, { name: 'Audited' });
    const fresh = await regenerateKey(m.client, k.apiKey.id, 600);
    await m.client.ok(END_ROTATION, { id: k.apiKey.id });
    await m.client.ok(REVOKE_KEY, { id: k.apiKey.id });
    await m.client.ok(SET_MAX, { shopId: m.shopId, max: 4 });
    const { auditEvents } = await m.client.ok(AUDIT);
    const nodes = auditEvents.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.action)).toEqual([
      'MAX_ACTIVE_KEYS_CHANGED',
      'API_KEY_REVOKED',
      'API_KEY_ROTATION_ENDED',
      'API_KEY_REGENERATED',
      'API_KEY_CREATED',
    ]);
    for (const n of nodes) {
      expect(n.shopId).toBe(m.shopId);
      expect(n.ip).toMatch(/127\.0\.0\.1/);
      expect(new Date(n.at).getTime()).toBeGreaterThanOrEqual(t0 - 5);
    }
    expect(nodes.slice(1).every((n: any) => n.apiKeyId === k.apiKey.id)).toBe(true);
    expect(nodes[4].detail).toContain('Audited');
    expect(nodes[3].detail).toContain(fresh.apiKey.partialKey);
    expect(nodes[0].detail).toContain('1 -> 4');
    const text = JSON.stringify(auditEvents);
    expect(text).not.toContain(k.secret);
    expect(text).not.toContain(fresh.secret);
  });

  it('pages with a cursor and shows each merchant only their own events', async () => {
    const m = await signUpMerchant(srv.url);
    const other = await signUpMerchant(srv.url);
    for (const max of [2, 3, 4]) await m.client.ok(SET_MAX, { shopId: m.shopId, max });
    const p1 = (await m.client.ok(AUDIT, { first: 2 })).auditEvents;
    expect(p1.edges).toHaveLength(2);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await m.client.ok(AUDIT, { first: 2, after: p1.pageInfo.endCursor })).auditEvents;
    expect(p2.edges.map((e: any) => e.node.detail)).toEqual(['max active keys 1 -> 2']);
    expect(p2.pageInfo).toEqual({ hasNextPage: false, endCursor: p2.edges[0].cursor });
    expect((await other.client.ok(AUDIT)).auditEvents.edges).toEqual([]);
    expect((await m.client.gql(AUDIT, { after: 'garbage!' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await m.client.gql(AUDIT, { first: 101 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('is merchant-only: API keys get FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    const m = await signUpMerchant(srv.url);
    const k = await createKey(m.client);
    expect((await m.client.withKey(k.secret).gql(AUDIT)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await new TestClient(srv.url).gql(AUDIT)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records nothing for a refused mutation', async () => {
    const m = await signUpMerchant(srv.url);
    await createKey(m.client);
    await m.client.gql(`mutation { createApiKey(input: { name: "again", type: CURRENT_SHOP }) { secret } }`);
    await m.client.gql(SET_MAX, { shopId: m.shopId, max: 99 });
    expect((await m.client.ok(AUDIT)).auditEvents.edges.map((e: any) => e.node.action)).toEqual(['API_KEY_CREATED']);
  });
});
