import { ApiRequestLogEntity } from '../../src/modules/request-logs/api-request-log.entity';
import type { LogRow } from '../../src/modules/request-logs/log-row';
import { startTestServer } from './test-server';
import { signUpMerchant, TestClient } from './client';
import { insertKey } from './keys';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds (log rows are written asynchronously). */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

/** A server, a merchant, one key, a partner client with it, and a count of that key's log rows. */
export async function setupLoggedKey(env: Record<string, string> = {}) {
  const srv = await startTestServer(env);
  const owner = await signUpMerchant(srv.url);
  const key = await insertKey(srv.ds, owner);
  const count = () => srv.ds.getRepository(ApiRequestLogEntity).countBy({ apiKeyId: key.id });
  return { srv, owner, key, partner: new TestClient(srv.url, key.secret), count };
}

/** A partner call, timed: it must not wait for the log. */
export async function timedCall(partner: TestClient): Promise<number> {
  const t0 = Date.now();
  const r = await partner.gql('{ me { id } }');
  expect(r.status).toBe(200);
  return Date.now() - t0;
}

/** A log row of the setup's key, as the buffer holds it: a 200 `{ me }` query unless `fields` says otherwise. */
export function logRow(s: Awaited<ReturnType<typeof setupLoggedKey>>, fields: Partial<LogRow> = {}): LogRow {
  return {
    at: new Date(),
    apiKeyId: s.key.id,
    shopId: s.owner.shopId,
    usedPreviousSecret: false,
    operationName: null,
    operationType: 'query',
    fields: ['me'],
    httpStatus: 200,
    errorCode: null,
    durationMs: 1,
    ip: null,
    userAgent: null,
    ...fields,
  };
}
