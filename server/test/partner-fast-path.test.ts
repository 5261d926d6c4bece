// The compiled partner fast path (src/http/partner-fast-path.ts) answers exactly as Apollo
// does. Two instances share one database: `fast` with the fast path (the default), `apollo`
// with PARTNER_FAST_PATH=false. Every request goes to both; status, content type, body and
// request-log row must match, and /metrics must show which requests `fast` compiled.
import { generateApiKey } from '@keysmith/shared';
import { startSecondInstance, startTestServer, type Instance, type TestServer } from './support/test-server';
import { signUpMerchant } from './support/client';
import { insertKey } from './support/keys';
import { ApiRequestLogEntity } from '../src/modules/request-logs/api-request-log.entity';
import { waitFor } from './support/logged-key';

const UPSERT = `mutation Up($input: UpsertInventoryItemInput!) { upsertInventoryItem(input: $input) { sku title priceCents quantity } }`;
const INVENTORY = `query Inv($first: Int, $after: String) { inventory(first: $first, after: $after) { edges { cursor node { sku title priceCents quantity } } pageInfo { hasNextPage endCursor } } }`;

interface Exchange {
  status: number;
  contentType: string | null;
  body: string;
  wwwAuthenticate: string | null;
}

async function post(url: string, key: string | undefined, body: string, headers: Record<string, string> = {}): Promise<Exchange> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body,
  });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text(), wwwAuthenticate: res.headers.get('www-authenticate') };
}

async function compiledCount(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = /^keysmith_graphql_compiled_requests_total (\d+)/m.exec(text);
  if (!m) throw new Error('keysmith_graphql_compiled_requests_total missing from /metrics');
  return Number(m[1]);
}

let fast: TestServer;
let apollo: Instance;
/** Same shop, same scopes: one key per instance, so each instance's log rows can be told apart. */
let keys: { fast: string; apollo: string; fastId: string; apolloId: string };
let narrow: { fast: string; apollo: string };

beforeAll(async () => {
  fast = await startTestServer();
  apollo = await startSecondInstance(fast, { PARTNER_FAST_PATH: 'false' });
  const owner = await signUpMerchant(fast.url);
  const [a, b] = [await insertKey(fast.ds, owner), await insertKey(fast.ds, owner)];
  keys = { fast: a.secret, fastId: a.id, apollo: b.secret, apolloId: b.id };
  const shopOnly = { scopes: 'SHOP_READ' };
  narrow = { fast: (await insertKey(fast.ds, owner, shopOnly)).secret, apollo: (await insertKey(fast.ds, owner, shopOnly)).secret };
  const seeder = (await insertKey(fast.ds, owner)).secret;
  for (const sku of ['B-2', 'A-1', 'C-3']) {
    const r = await post(fast.url, seeder, JSON.stringify({ query: UPSERT, variables: { input: { sku, title: `Item ${sku}`, priceCents: 100, quantity: 1 } } }));
    expect(r.status).toBe(200);
  }
});

afterAll(async () => {
  await apollo?.close();
  await fast?.close();
});

/** Sends one request to both instances and expects the same answer; returns it. */
async function same(body: unknown, opts: { narrow?: boolean; headers?: Record<string, string>; raw?: string } = {}): Promise<Exchange> {
  const text = opts.raw ?? JSON.stringify(body);
  const k = opts.narrow ? narrow : keys;
  const [f, a] = [await post(fast.url, k.fast, text, opts.headers), await post(apollo.url, k.apollo, text, opts.headers)];
  expect(f).toEqual(a);
  return f;
}

describe('the compiled fast path answers exactly as Apollo', () => {
  it.each([
    ['a first page', { query: INVENTORY, variables: { first: 2 } }],
    ['the default page size', { query: INVENTORY }],
    ['aliases, fragments and __typename', { query: '{ first: inventory(first: 1) { ...Page __typename } shop { __typename id name } } fragment Page on InventoryItemConnection { edges { node { sku } } }' }],
    ['the named operation of several', { query: 'query A { shop { id } } query B { inventory(first: 1) { edges { node { sku } } } }', operationName: 'B' }],
    ['introspection', { query: '{ __schema { queryType { name } } __type(name: "InventoryItem") { name fields { name type { kind ofType { name } } } } }' }],
    ['@skip and @include', { query: 'query S($no: Boolean!) { shop { id name @skip(if: $no) url @include(if: $no) } }', variables: { no: true } }],
    ['a cursor that is not ours (resolver error, data null)', { query: INVENTORY, variables: { after: 'not-a-cursor' } }],
    ['an argument that fails validation (first: 0)', { query: INVENTORY, variables: { first: 0 } }],
    ['a merchant-only field called with a key', { query: '{ apiKeys { id } }' }],
    ['a mutation that fails validation', { query: UPSERT, variables: { input: { sku: ' ', title: 'x', priceCents: 1, quantity: 1 } } }],
  ])('%s', async (_label, body) => {
    const r = await same(body);
    expect(r.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(r.body)).toHaveProperty('data');
  });

  it('pages with the cursor it returned', async () => {
    const p1 = JSON.parse((await same({ query: INVENTORY, variables: { first: 2 } })).body);
    expect(p1.data.inventory.edges.map((e: { node: { sku: string } }) => e.node.sku)).toEqual(['A-1', 'B-2']);
    const p2 = JSON.parse((await same({ query: INVENTORY, variables: { first: 2, after: p1.data.inventory.pageInfo.endCursor } })).body);
    expect(p2.data.inventory.edges.map((e: { node: { sku: string } }) => e.node.sku)).toEqual(['C-3']);
    expect(p2.data.inventory.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a missing scope with 403; a refused non-null root field nulls the whole answer', async () => {
    const refused = await same({ query: INVENTORY }, { narrow: true });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).errors[0].extensions).toEqual({ code: 'FORBIDDEN', requiredScopes: ['INVENTORY_READ'] });
    const mixed = JSON.parse((await same({ query: '{ shop { id } offers(first: 1) { edges { cursor } } }' }, { narrow: true })).body);
    expect(mixed.data).toBeNull();
    expect(mixed.errors.map((e: { path: string[] }) => e.path)).toEqual([['offers']]);
    expect(JSON.parse((await same({ query: '{ shop { id } }' }, { narrow: true })).body).data.shop.id).toEqual(expect.any(String));
  });

  it.each([
    ['a syntax error', { query: '{ inventory(first: 1 { edges } }' }, 400],
    ['an unknown field', { query: '{ inventory { nope } }' }, 400],
    ['a variable of the wrong type', { query: INVENTORY, variables: { first: 'ten' } }, 400],
    ['a missing operation name among several', { query: 'query A { shop { id } } query B { shop { name } }' }, 400],
    ['a batch', [{ query: '{ shop { id } }' }], 400],
  ])('leaves %s to Apollo, with the same answer', async (_label, body, status) => {
    expect((await same(body)).status).toBe(status);
  });

  it('answers a body that is not JSON with a JSON error naming the problem, on both paths', async () => {
    const r = await same(undefined, { raw: '{"query": "{ shop { id } }"' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).errors[0]).toEqual({ message: expect.stringMatching(/^The request body is not valid JSON: /), extensions: { code: 'BAD_REQUEST' } });
  });

  it('leaves a refused key to Apollo: 401 with WWW-Authenticate', async () => {
    const body = JSON.stringify({ query: '{ shop { id } }' });
    const [f, a] = [await post(fast.url, 'sk_not_a_key', body), await post(apollo.url, 'sk_not_a_key', body)];
    expect(f).toEqual(a);
    expect(f.status).toBe(401);
    expect(f.wwwAuthenticate).toMatch(/invalid_token/);
  });

  it('verifies a refused key once: the fast path hands its verification over to Apollo', async () => {
    const verify = jest.spyOn(fast.app.services.keyAuth, 'verify');
    try {
      const r = await post(fast.url, generateApiKey(), JSON.stringify({ query: '{ shop { id } }' }));
      expect(r.status).toBe(401);
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });

  it('answers 503 with Retry-After, after one verification attempt, when the database is gone', async () => {
    const lonely = await startTestServer();
    try {
      const owner = await signUpMerchant(lonely.url);
      const key = await insertKey(lonely.ds, owner);
      await lonely.ds.destroy(); // every query from now on fails: nothing can tell a revoked key from a good one
      const verify = jest.spyOn(lonely.app.services.keyAuth, 'verify');
      const res = await fetch(`${lonely.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key.secret}` },
        body: JSON.stringify({ query: '{ shop { id } }' }),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      await lonely.close().catch(() => undefined);
    }
  });

  it('follows Apollo content negotiation (graphql-response+json goes to Apollo)', async () => {
    const r = await same({ query: '{ shop { id } }' }, { headers: { accept: 'application/graphql-response+json' } });
    expect(r.contentType).toMatch(/^application\/graphql-response\+json/);
  });
});

describe('what the fast path serves', () => {
  it('compiles valid key-authenticated operations and serves them without Apollo; Apollo serves the rest', async () => {
    const before = { fast: await compiledCount(fast.url), apollo: await compiledCount(apollo.url) };
    await same({ query: INVENTORY, variables: { first: 1 } });
    await same({ query: INVENTORY, variables: { first: 1 } });
    await same({ query: '{ inventory { nope } }' }); // invalid: Apollo on both
    expect(await compiledCount(fast.url)).toBe(before.fast + 2);
    expect(await compiledCount(apollo.url)).toBe(0);
    expect(before.apollo).toBe(0);
  });

  it('a signed-in merchant goes through Apollo, not the fast path', async () => {
    const before = await compiledCount(fast.url);
    const m = await signUpMerchant(fast.url);
    expect((await m.client.ok(INVENTORY)).inventory.edges).toEqual([]);
    expect(await compiledCount(fast.url)).toBe(before);
  });

  it('logs the same request-log row as Apollo for every call', async () => {
    const repo = fast.ds.getRepository(ApiRequestLogEntity);
    const rows = async (apiKeyId: string) =>
      (await repo.findBy({ apiKeyId }))
        .map((r) => [r.operationName, r.operationType, r.fields, r.httpStatus, r.errorCode, r.usedPreviousSecret].join('|'))
        .sort();
    // Every `same` call sent one request with each key, each recorded by the time its answer
    // arrived: once both instances have written everything, as many rows each, and the same
    // ones. (Polling until the counts matched raced the two flush timers.) A write may fail and
    // be retried after a backoff: on SQLite both instances share one file (see startSecondInstance).
    const logs = [fast.app.services.requestLogs, apollo.app.services.requestLogs];
    await waitFor(async () => {
      await Promise.all(logs.map((l) => l.flush()));
      return logs.every((l) => l.buffered === 0);
    });
    const fastRows = await rows(keys.fastId);
    expect(fastRows.length).toBeGreaterThan(10);
    expect(fastRows).toEqual(await rows(keys.apolloId));
    expect(fastRows).toContain('Inv|query|inventory|200||false');
    expect(fastRows).toContain('Inv|query|inventory|200|BAD_USER_INPUT|false');
    expect(fastRows).toContain('B|query|inventory|200||false');
  });
});
