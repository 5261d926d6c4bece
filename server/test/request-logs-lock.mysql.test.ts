import mysql from 'mysql2/promise';
import { ApiRequestLogEntity } from '../src/modules/request-logs/api-request-log.entity';
import { startTestServer, type TestServer } from './support/test-server';
import { signUpMerchant, TestClient } from './support/client';
import { insertKey } from './support/keys';

// MySQL only (*.mysql.test.ts): SQLite has no LOCK TABLES; its outage case is in request-logs-resilience.test.ts.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

async function setup() {
  const srv = await startTestServer();
  const owner = await signUpMerchant(srv.url);
  const key = await insertKey(srv.ds, owner);
  const count = () => srv.ds.getRepository(ApiRequestLogEntity).countBy({ apiKeyId: key.id });
  return { srv, owner, key, partner: new TestClient(srv.url, key.secret), count };
}

/** A partner call, timed: it must not wait for the log. */
async function timedCall(partner: TestClient): Promise<number> {
  const t0 = Date.now();
  const r = await partner.gql('{ me { id } }');
  expect(r.status).toBe(200);
  return Date.now() - t0;
}

describe('request logging while the log table is locked', () => {
  let srv: TestServer | undefined;
  afterEach(async () => {
    await srv?.close().catch(() => undefined);
    srv = undefined;
  });

  it('MySQL: a LOCK TABLES on the log table delays the rows, never the requests', async () => {
    const s = await setup();
    srv = s.srv;
    const blocker = await mysql.createConnection(s.srv.config.databaseUrl as string);
    try {
      await blocker.query('LOCK TABLES api_request_log WRITE');
      const t0 = Date.now();
      const durations: number[] = [];
      while (Date.now() - t0 < 2500) durations.push(await timedCall(s.partner));
      expect(Math.max(...durations)).toBeLessThan(1000);
      expect(s.srv.app.services.requestLogs.buffered).toBeGreaterThan(0);
      await blocker.query('UNLOCK TABLES');
      await waitFor(async () => (await s.count()) === durations.length);
    } finally {
      await blocker.end();
    }
  });
});
