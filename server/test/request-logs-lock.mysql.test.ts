import mysql from 'mysql2/promise';
import type { TestServer } from './support/test-server';
import { setupLoggedKey as setup, timedCall, waitFor } from './support/logged-key';

// MySQL only (*.mysql.test.ts): SQLite has no LOCK TABLES; its outage case is in request-logs-resilience.test.ts.
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
