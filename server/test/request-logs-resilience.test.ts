import { createDataSource } from '../src/db/data-source';
import { Like } from 'typeorm';
import { ApiRequestLogEntity } from '../src/modules/request-logs/api-request-log.entity';
import { insertRows } from '../src/modules/request-logs/request-log.store';
import { decodeRows, SEGMENT_BYTES } from '../src/modules/request-logs/encoded-rows';
import type { TestServer } from './support/test-server';
import { batchOf, rowValues } from './support/load-data';
import { logRow, setupLoggedKey as setup, sleep, timedCall, waitFor } from './support/logged-key';

describe('request logging when the database struggles', () => {
  let srv: TestServer | undefined;
  afterEach(async () => {
    await srv?.close().catch(() => undefined);
    srv = undefined;
  });

  it('keeps answering partners while log writes fail, and writes every row after recovery', async () => {
    const s = await setup();
    srv = s.srv;
    const logs = s.srv.app.services.requestLogs;
    const realWrite = logs.writeRows;
    let failures = 0;
    logs.writeRows = async () => {
      failures += 1;
      throw new Error('simulated outage');
    };
    const durations: number[] = [];
    for (let i = 0; i < 20; i++) durations.push(await timedCall(s.partner));
    await sleep(600);
    expect(failures).toBeGreaterThan(0);
    expect(await s.count()).toBe(0);
    expect(logs.buffered).toBeGreaterThanOrEqual(20);
    expect(Math.max(...durations)).toBeLessThan(1000);
    const metrics = await (await fetch(`${s.srv.url}/metrics`)).text();
    expect(metrics).toMatch(/keysmith_request_log_write_failures_total [1-9]/);

    logs.writeRows = realWrite;
    // The database has a batch's rows before the write's promise settles and the buffer lets
    // go of them, so both are awaited: the buffer empties, and every row arrived exactly once.
    await waitFor(async () => logs.buffered === 0 && (await s.count()) === 20);
    await logs.flush();
    expect(await s.count()).toBe(20);
  });

  it('bounds memory: when the buffer is full it drops, counts and says so', async () => {
    const s = await setup({ REQUEST_LOG_BUFFER_MAX: '500' });
    srv = s.srv;
    const logs = s.srv.app.services.requestLogs;
    const realWrite = logs.writeRows;
    logs.writeRows = () => Promise.reject(new Error('down'));
    const errorLog = jest.spyOn(s.srv.app.services.logger, 'error');
    const row = logRow(s);
    for (let i = 0; i < 600; i++) logs.record(row);
    expect(logs.buffered).toBe(500);
    expect(errorLog).toHaveBeenCalledWith(expect.objectContaining({ dropped: expect.any(Number) }), expect.stringMatching(/buffer full/));
    const metrics = await (await fetch(`${s.srv.url}/metrics`)).text();
    expect(metrics).toMatch(/keysmith_request_log_dropped_total 100\b/);
    logs.writeRows = realWrite; // so the shutdown drain is quick
  });
});

describe('batches', () => {
  it('writes a tick\'s rows as one batch (LOAD DATA in several packets on MySQL, 500-row INSERTs on SQLite), every value in place', async () => {
    const s = await setup();
    const logs = s.srv.app.services.requestLogs;
    const realWrite = logs.writeRows;
    const sizes: number[] = [];
    logs.writeRows = (batch) => {
      sizes.push(batch.rows);
      return realWrite(batch);
    };
    const at = new Date(Date.now() - 60_000);
    const n = 3000;
    // Values LOAD DATA's text format must escape, and ones it must not mistake for its own (\N is its NULL).
    const agents = ['tab\there', 'line\nbreak\r\n', 'back\\slash \\N \\t', 'nul\u0000byte', '\\N', 'NULL', "quote ' \" `", 'snowman \u2603 \u{1F511}', ''];
    const agentOf = (i: number) => (i % 10 === 9 ? null : (agents[i % 10] as string));
    const rows = Array.from({ length: n }, (_, i) =>
      logRow(s, {
        at: new Date(at.getTime() + i),
        usedPreviousSecret: i % 2 === 1,
        operationName: `Op${i}`,
        fields: ['inventory', 'shop'],
        httpStatus: i % 3 === 0 ? 403 : 200,
        errorCode: i % 3 === 0 ? 'FORBIDDEN' : null,
        durationMs: i / 4,
        ip: '203.0.113.9',
        userAgent: agentOf(i),
      }),
    );
    // More than one LOAD DATA packet (each ending at a line's end), and more than one INSERT statement.
    const batch = batchOf(rows);
    expect(batch.pieces.length).toBeGreaterThan(1);
    expect(batch.pieces.every((c) => c.at(-1) === 0x0a && c.length < SEGMENT_BYTES + 2000)).toBe(true);
    expect(decodeRows(batch)).toEqual(rows.map(rowValues));
    for (const row of rows) logs.record(row);
    await waitFor(async () => (await s.count()) === n);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(n);
    const stored = await s.srv.ds.getRepository(ApiRequestLogEntity).findBy({ apiKeyId: s.key.id });
    const byName = new Map(stored.map((r) => [r.operationName, r]));
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 499, 500, 777, 1233, 1500, 2999]) {
      expect(byName.get(`Op${i}`)).toMatchObject({
        at: new Date(at.getTime() + i),
        shopId: s.owner.shopId,
        usedPreviousSecret: i % 2 === 1,
        fields: 'inventory,shop',
        httpStatus: i % 3 === 0 ? 403 : 200,
        errorCode: i % 3 === 0 ? 'FORBIDDEN' : null,
        durationMs: i / 4,
        ip: '203.0.113.9',
        userAgent: agentOf(i),
      });
    }
    await s.srv.close();
  });

  it('stores a batch of several INSERT statements whole or not at all', async () => {
    const s = await setup();
    const row = (i: number) => logRow(s, { operationName: `Atomic${i}` });
    const stored = () => s.srv.ds.getRepository(ApiRequestLogEntity).countBy({ operationName: Like('Atomic%') });
    // The third statement fails (NOT NULL): the first two must not stay behind.
    const bad = Array.from({ length: 1200 }, (_, i) => (i === 1100 ? { ...row(i), apiKeyId: null as unknown as string } : row(i)));
    await expect(insertRows(s.srv.ds, bad.map(rowValues))).rejects.toThrow();
    expect(await stored()).toBe(0);
    await insertRows(s.srv.ds, Array.from({ length: 1200 }, (_, i) => rowValues(row(i))));
    expect(await stored()).toBe(1200);
    await s.srv.close();
  });
});

describe('shutdown and retention', () => {
  it('a shutdown with rows buffered loses none', async () => {
    const s = await setup();
    const logs = s.srv.app.services.requestLogs;
    const realWrite = logs.writeRows;
    // Slow writes, so rows are certainly still in memory when the shutdown starts.
    logs.writeRows = async (rows) => {
      await sleep(200);
      await realWrite(rows);
    };
    const calls = 30;
    await Promise.all(Array.from({ length: calls }, () => s.partner.ok('{ me { id } }')));
    expect(logs.buffered).toBeGreaterThan(0);
    // A second connection to read the result after the app has closed its own.
    const reader = createDataSource({ databaseUrl: s.srv.config.databaseUrl, sqlitePath: s.srv.config.sqlitePath });
    await reader.initialize();
    try {
      await s.srv.app.close();
      expect(await reader.getRepository(ApiRequestLogEntity).countBy({ apiKeyId: s.key.id })).toBe(calls);
    } finally {
      await reader.destroy();
      await s.srv.close().catch(() => undefined);
    }
  });

  it('prunes rows older than LOG_RETENTION_DAYS in batches, keeping the rest', async () => {
    const s = await setup({ LOG_RETENTION_DAYS: '7' });
    try {
      const logs = s.srv.app.services.requestLogs;
      const row = (ageDays: number) => logRow(s, { at: new Date(Date.now() - ageDays * 86_400_000) });
      for (let i = 0; i < 2300; i++) logs.record(row(8 + (i % 5)));
      for (let i = 0; i < 10; i++) logs.record(row(6));
      while (logs.buffered > 0) await logs.flush();
      expect(await s.count()).toBe(2310);
      expect(await logs.pruneNow()).toBe(2300);
      expect(await s.count()).toBe(10);
    } finally {
      await s.srv.close();
    }
  });

  /** A 7-day retention server whose rows are written `ageDays` old and tagged (in user_agent) so tests count them by tag. */
  async function taggedRows() {
    const s = await setup({ LOG_RETENTION_DAYS: '7' });
    const logs = s.srv.app.services.requestLogs;
    return {
      s,
      logs,
      record: (ageDays: number, tag: string) => logs.record(logRow(s, { at: new Date(Date.now() - ageDays * 86_400_000), userAgent: tag })),
      writeAll: async () => {
        while (logs.buffered > 0) await logs.flush();
      },
      left: (tag: string) => s.srv.ds.getRepository(ApiRequestLogEntity).countBy({ apiKeyId: s.key.id, userAgent: tag }),
    };
  }

  it('prunes by id without ever deleting a row inside the period, stragglers included', async () => {
    const { s, logs, record, writeAll, left } = await taggedRows();
    try {
      // Ids in write order: young rows among the old ones (an instance whose clock runs ahead), then
      // more old rows than one window holds, the young end of the table, and one old straggler
      // written last (an instance whose clock runs behind).
      for (let i = 0; i < 1500; i++) record(i % 100 === 0 ? 1 : 9, i % 100 === 0 ? 'young' : 'old');
      for (let i = 0; i < 1200; i++) record(8, 'old');
      for (let i = 0; i < 20; i++) record(2, 'young');
      record(10, 'straggler');
      await writeAll();

      expect(await logs.pruneNow()).toBe(1485 + 1200 + 1);
      expect(await left('old')).toBe(0);
      expect(await left('straggler')).toBe(0);
      expect(await left('young')).toBe(15 + 20);
      expect(await logs.pruneNow()).toBe(0);
      expect(await s.count()).toBe(35);
      // What this buys: no index on `at` alone for every logged row to update.
      const runner = s.srv.ds.createQueryRunner();
      const table = await runner.getTable('api_request_log').finally(() => runner.release());
      expect(table?.indices.map((i) => i.name).sort()).toEqual(['IDX_log_key_at', 'IDX_log_shop_at']);
    } finally {
      await s.srv.close();
    }
  });

  it('keeps an old straggler behind a full window of young rows until those are old too, then deletes it', async () => {
    const { s, logs, record, writeAll, left } = await taggedRows();
    try {
      // Old rows, then more young rows than two windows (1 000 ids each) hold, then one old row
      // written late: the first window deletes the old rows, the second finds nothing old.
      for (let i = 0; i < 300; i++) record(9, 'old');
      for (let i = 0; i < 2100; i++) record(3, 'young');
      record(10, 'straggler');
      await writeAll();

      // The window after the old rows holds no old row, so the run stops there: the straggler waits.
      expect(await logs.pruneNow()).toBe(300);
      expect(await left('straggler')).toBe(1);
      expect(await left('young')).toBe(2100);
      expect(await logs.pruneNow()).toBe(0);

      // Five days on, the young rows are 8 days old: they go, and the straggler with them.
      expect(await logs.pruneNow(new Date(Date.now() + 5 * 86_400_000))).toBe(2101);
      expect(await s.count()).toBe(0);
    } finally {
      await s.srv.close();
    }
  });
});
