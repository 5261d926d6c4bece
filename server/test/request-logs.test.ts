import { generateApiKey } from '@keysmith/shared';
import { ApiRequestLogEntity } from '../src/modules/request-logs/api-request-log.entity';
import type { LogRow } from '../src/modules/request-logs/log-row';
import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant, TestClient } from './support/client';
import { insertKey, sha256 } from './support/keys';

let srv: TestServer;
let owner: Awaited<ReturnType<typeof signUpMerchant>>;
beforeAll(async () => {
  srv = await startTestServer();
  owner = await signUpMerchant(srv.url, 'Logged Shop');
});
afterAll(async () => {
  await srv.close();
});

const LOGS = `query Logs($filter: ApiRequestLogFilter, $first: Int, $after: String) {
  apiRequestLogs(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id at usedPreviousSecret operationName operationType fields httpStatus errorCode durationMs shopId ip userAgent apiKey { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const USAGE = `query Usage($filter: ApiRequestLogFilter, $bucket: UsageBucketSize) { apiUsage(filter: $filter, bucket: $bucket) { start requests errors } }`;

type LogNode = { id: string; at: string; httpStatus: number; errorCode: string | null; fields: string[]; apiKey: { id: string } } & Record<string, unknown>;
async function logs(client: TestClient, filter: Record<string, unknown>, first = 50, after?: string) {
  const d = await client.ok<{ apiRequestLogs: { edges: Array<{ node: LogNode; cursor: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(LOGS, {
    filter,
    first,
    after,
  });
  return d.apiRequestLogs;
}

const rows = () => srv.ds.getRepository(ApiRequestLogEntity).find();
const flush = () => srv.app.services.requestLogs.flush();

describe('recording partner requests', () => {
  it('a document that parses but fails validation is logged with what it asked for (400), one that does not parse as unknown', async () => {
    const key = await insertKey(srv.ds, owner);
    const partner = new TestClient(srv.url, key.secret);
    expect((await partner.gql('query Broken { shop { id nope } inventory { edges { cursor } } }')).status).toBe(400);
    expect((await partner.gql('query Unparsable { shop { id ')).status).toBe(400);
    await flush();
    const mine = (await rows()).filter((r) => r.apiKeyId === key.id).sort((a, b) => a.id - b.id);
    expect(mine.map((r) => [r.operationName, r.operationType, r.fields, r.httpStatus, r.errorCode])).toEqual([
      ['Broken', 'query', 'shop,inventory', 400, 'GRAPHQL_VALIDATION_FAILED'],
      [null, 'unknown', '', 400, 'GRAPHQL_PARSE_FAILED'],
    ]);
  });

  it('N partner calls give exactly N rows with the right fields, and no secret anywhere', async () => {
    const key = await insertKey(srv.ds, owner);
    const partner = new TestClient(srv.url, key.secret);
    const N = 7;
    for (let i = 0; i < N; i++) {
      const r = await partner.gql('query PartnerPing { me { id } }', {}, { 'user-agent': 'acme-sync/1.0' });
      expect(r.status).toBe(200);
    }
    await flush();
    const mine = (await rows()).filter((r) => r.apiKeyId === key.id);
    expect(mine).toHaveLength(N);
    for (const r of mine) {
      expect(r).toMatchObject({
        shopId: owner.shopId,
        usedPreviousSecret: false,
        operationName: 'PartnerPing',
        operationType: 'query',
        fields: 'me',
        httpStatus: 200,
        errorCode: null,
        ip: expect.stringMatching(/127\.0\.0\.1/),
        userAgent: 'acme-sync/1.0',
      });
      expect(r.durationMs).toBeGreaterThan(0);
      expect(Math.abs(r.at.getTime() - Date.now())).toBeLessThan(60_000);
    }
    const everything = JSON.stringify(await rows());
    expect(everything).not.toContain(key.secret);
    expect(everything).not.toContain(key.secret.slice(3));
    expect(everything).not.toContain(sha256(key.secret));

    const page = await logs(owner.client, { apiKeyId: key.id });
    expect(page.edges).toHaveLength(N);
    expect(page.edges[0]?.node).toMatchObject({ apiKey: { id: key.id, name: 'test key' }, fields: ['me'], httpStatus: 200, userAgent: 'acme-sync/1.0' });
  });

  it('logs calls with the previous secret as such', async () => {
    const previous = generateApiKey();
    const key = await insertKey(srv.ds, owner, { previousHash: sha256(previous), previousPartialKey: 'sk_...old', previousValidUntil: new Date(Date.now() + 60_000) });
    await new TestClient(srv.url, previous).ok('{ me { id } }');
    await new TestClient(srv.url, key.secret).ok('{ me { id } }');
    await flush();
    const page = await logs(owner.client, { apiKeyId: key.id });
    expect(page.edges.map((e) => e.node.usedPreviousSecret)).toEqual([false, true]);
    const onlyPrevious = await logs(owner.client, { apiKeyId: key.id, usedPreviousSecret: true });
    expect(onlyPrevious.edges.map((e) => e.node.usedPreviousSecret)).toEqual([true]);
  });

  it('logs refused calls: 401 for revoked and expired keys, 403 for a refused operation; unknown keys only counted', async () => {
    const revoked = await insertKey(srv.ds, owner, { revokedAt: new Date() });
    const expired = await insertKey(srv.ds, owner, { expiresAt: new Date(Date.now() - 1000) });
    const valid = await insertKey(srv.ds, owner, { scopes: 'SHOP_READ' });
    const before = await (await fetch(`${srv.url}/metrics`)).text();
    const r1 = await new TestClient(srv.url, revoked.secret).gql('query Revoked { me { id } }');
    const r2 = await new TestClient(srv.url, expired.secret).gql('mutation Expired { signOut }');
    // A partner calling a merchant-only field is refused as FORBIDDEN; with nothing answered that is a 403.
    const r3 = await new TestClient(srv.url, valid.secret).gql('query Sneaky { apiRequestLogs { edges { cursor } } }');
    const r4 = await new TestClient(srv.url, generateApiKey()).gql('{ me { id } }');
    expect([r1.status, r2.status, r3.status, r4.status]).toEqual([401, 401, 403, 401]);
    expect(r3.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await flush();

    const [l1, l2, l3] = await Promise.all([revoked, expired, valid].map((k) => logs(owner.client, { apiKeyId: k.id })));
    expect(l1?.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ httpStatus: 401, errorCode: 'UNAUTHENTICATED', operationName: 'Revoked', operationType: 'query', fields: ['me'] }),
    ]);
    expect(l2?.edges.map((e) => e.node)).toEqual([expect.objectContaining({ httpStatus: 401, operationType: 'mutation', fields: ['signOut'] })]);
    expect(l3?.edges.map((e) => e.node)).toEqual([expect.objectContaining({ httpStatus: 403, errorCode: 'FORBIDDEN', fields: ['apiRequestLogs'] })]);

    const counter = (text: string) => Number(/keysmith_api_key_unrecognised_total (\d+)/.exec(text)?.[1] ?? 0);
    const after = await (await fetch(`${srv.url}/metrics`)).text();
    expect(counter(after) - counter(before)).toBe(1);
  });

  it('logs a scope refusal as 403 and shows the newest lastUsedAt through apiKeys at once', async () => {
    const readOnly = await insertKey(srv.ds, owner, { scopes: 'INVENTORY_READ' });
    const r = await new TestClient(srv.url, readOnly.secret).gql('query NeedsShopRead { shop { id } }');
    expect(r.status).toBe(403);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await flush();
    const page = await logs(owner.client, { apiKeyId: readOnly.id });
    expect(page.edges.map((e) => e.node)).toEqual([expect.objectContaining({ httpStatus: 403, errorCode: 'FORBIDDEN', fields: ['shop'], operationName: 'NeedsShopRead' })]);
    const keys = await owner.client.ok<{ apiKeys: Array<{ id: string; lastUsedAt: string | null }> }>('{ apiKeys { id lastUsedAt } }');
    const seen = srv.app.services.requestLogs.lastUsed(readOnly.id)?.lastUsedAt;
    expect(keys.apiKeys.find((k) => k.id === readOnly.id)?.lastUsedAt).toBe(seen?.toISOString());
  });

  it('shows the latest use at once while writing lastUsedAt at most about once a minute', async () => {
    const key = await insertKey(srv.ds, owner);
    const partner = new TestClient(srv.url, key.secret);
    await partner.ok('{ me { id } }');
    const first = srv.app.services.requestLogs.lastUsed(key.id)?.lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    const stored = async () => (await srv.ds.query('SELECT last_used_at FROM api_key WHERE id = ?', [key.id]))[0].last_used_at;
    // The first use is written on the next tick (about a second)...
    for (let i = 0; i < 40 && !(await stored()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await stored()).toBeTruthy();
    const written = String(await stored());
    // ...later uses within the minute only in memory, where the API reads them.
    await new Promise((r) => setTimeout(r, 20));
    await partner.ok('{ me { id } }');
    await new Promise((r) => setTimeout(r, 1500));
    expect(String(await stored())).toBe(written);
    const latest = srv.app.services.requestLogs.lastUsed(key.id)?.lastUsedAt as Date;
    expect(latest.getTime()).toBeGreaterThan((first as Date).getTime());
  });
});

describe('reading logs', () => {
  let reader: Awaited<ReturnType<typeof signUpMerchant>>;
  let keyA: string;
  let keyB: string;
  const base = Date.UTC(2030, 0, 1, 10, 0, 0); // in the future: no other test's rows fall in this window

  function row(apiKeyId: string, at: number, httpStatus = 200, errorCode: string | null = null): LogRow {
    return { at: new Date(at), apiKeyId, shopId: reader.shopId, usedPreviousSecret: false, operationName: null, operationType: 'query', fields: ['shop'], httpStatus, errorCode, durationMs: 1.5, ip: '10.0.0.1', userAgent: null };
  }

  beforeAll(async () => {
    reader = await signUpMerchant(srv.url, 'Reader Shop');
    keyA = (await insertKey(srv.ds, reader)).id;
    keyB = (await insertKey(srv.ds, reader)).id;
    const logsSvc = srv.app.services.requestLogs;
    // Hour 10: 3 rows for A at the same millisecond (tie on `at`, broken by id), 1 error for B.
    for (let i = 0; i < 3; i++) logsSvc.record(row(keyA, base));
    logsSvc.record(row(keyB, base + 60_000, 500, 'INTERNAL_SERVER_ERROR'));
    // Hour 11: 2 for A, one a 403; hour 13: 1 for B. Next day: 1 for A.
    logsSvc.record(row(keyA, base + 3_600_000 + 5));
    logsSvc.record(row(keyA, base + 3_600_000 + 10, 403, 'FORBIDDEN'));
    logsSvc.record(row(keyB, base + 3 * 3_600_000));
    logsSvc.record(row(keyA, base + 86_400_000));
    await flush();
  });

  const window = () => ({ from: new Date(base).toISOString(), to: new Date(base + 2 * 86_400_000).toISOString() });

  it('pages newest first with cursors, every row exactly once', async () => {
    const seen: LogNode[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await logs(reader.client, window(), 3, after);
      seen.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen.map((n) => n.id)).size).toBe(8);
    const order = seen.map((n) => [Date.parse(n.at), Number(n.id)] as const);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
  });

  it('filters by key, shop, errors and time range', async () => {
    expect((await logs(reader.client, { ...window(), apiKeyId: keyA })).edges).toHaveLength(6);
    expect((await logs(reader.client, { ...window(), apiKeyId: keyB })).edges).toHaveLength(2);
    expect((await logs(reader.client, { ...window(), shopId: reader.shopId })).edges).toHaveLength(8);
    const errors = (await logs(reader.client, { ...window(), errorsOnly: true })).edges.map((e) => e.node);
    expect(errors.map((n) => n.httpStatus).sort()).toEqual([403, 500]);
    const hour11 = await logs(reader.client, { from: new Date(base + 3_600_000).toISOString(), to: new Date(base + 2 * 3_600_000).toISOString() });
    expect(hour11.edges).toHaveLength(2);
  });

  it('counts requests and errors per hour and per day, empty buckets as zeros', async () => {
    const hourly = await reader.client.ok<{ apiUsage: Array<{ start: string; requests: number; errors: number }> }>(USAGE, {
      filter: { from: new Date(base).toISOString(), to: new Date(base + 4 * 3_600_000).toISOString() },
      bucket: 'HOUR',
    });
    expect(hourly.apiUsage).toEqual([
      { start: '2030-01-01T10:00:00.000Z', requests: 4, errors: 1 },
      { start: '2030-01-01T11:00:00.000Z', requests: 2, errors: 1 },
      { start: '2030-01-01T12:00:00.000Z', requests: 0, errors: 0 },
      { start: '2030-01-01T13:00:00.000Z', requests: 1, errors: 0 },
    ]);
    const daily = await reader.client.ok<{ apiUsage: Array<{ start: string; requests: number; errors: number }> }>(USAGE, {
      filter: { ...window(), apiKeyId: keyA },
      bucket: 'DAY',
    });
    expect(daily.apiUsage).toEqual([
      { start: '2030-01-01T00:00:00.000Z', requests: 5, errors: 1 },
      { start: '2030-01-02T00:00:00.000Z', requests: 1, errors: 0 },
      { start: '2030-01-03T00:00:00.000Z', requests: 0, errors: 0 },
    ]);
  });

  it('shows another merchant nothing; naming their shop or key answers NOT_FOUND', async () => {
    const stranger = await signUpMerchant(srv.url, 'Stranger');
    expect((await logs(stranger.client, window())).edges).toEqual([]);
    const usage = await stranger.client.ok<{ apiUsage: Array<{ requests: number }> }>(USAGE, { filter: window(), bucket: 'DAY' });
    expect(usage.apiUsage.every((b) => b.requests === 0)).toBe(true);
    for (const filter of [{ shopId: reader.shopId }, { apiKeyId: keyA }]) {
      const r = await stranger.client.gql(LOGS, { filter });
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('refuses bad arguments at the edge', async () => {
    const bad = async (vars: Record<string, unknown>) => (await reader.client.gql(LOGS, vars)).errors?.[0]?.extensions;
    expect(await bad({ first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await bad({ first: 500 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await bad({ after: 'not-a-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(await bad({ filter: { from: '2030-01-02T00:00:00Z', to: '2030-01-01T00:00:00Z' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const anon = await new TestClient(srv.url).gql(LOGS, {});
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
