import { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { ApiRequestLogEntity } from '../src/modules/request-logs/api-request-log.entity';
import { logRowWriter } from '../src/modules/request-logs/request-log.store';
import { batchOf } from './support/load-data';
import { logRow, setupLoggedKey } from './support/logged-key';

// MySQL only: request-log batches go in by LOAD DATA LOCAL, and a server that refuses it
// (MySQL 8's default local_infile=OFF) still gets every row, by INSERT.
describe('request log batches on MySQL', () => {
  it('falls back to INSERT, once and for good, when the server refuses LOAD DATA LOCAL', async () => {
    const s = await setupLoggedKey();
    // A client without the LOCAL_FILES capability: the server then refuses LOAD DATA LOCAL, as local_infile=OFF does.
    const base = createDataSource({ databaseUrl: s.srv.config.databaseUrl, sqlitePath: s.srv.config.sqlitePath });
    const ds = new DataSource({ ...base.options, extra: { ...(base.options as { extra?: object }).extra, flags: '-LOCAL_FILES' } } as typeof base.options);
    await ds.initialize();
    try {
      const warn = jest.fn();
      const write = logRowWriter(ds, { warn } as never);
      const row = (i: number) => logRow(s, { at: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)), operationName: `Fallback${i}`, userAgent: 'tab\there' });
      await write(batchOf([row(1), row(2)]));
      await write(batchOf([row(3)]));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ message: expect.stringMatching(/local infile/i) }) }), expect.stringMatching(/LOAD DATA LOCAL/));
      const stored = await s.srv.ds.getRepository(ApiRequestLogEntity).find({ where: { apiKeyId: s.key.id }, order: { at: 'ASC' } });
      expect(stored.map((r) => [r.operationName, r.userAgent, r.at.getTime()])).toEqual(
        [1, 2, 3].map((i) => [`Fallback${i}`, 'tab\there', Date.UTC(2026, 0, 1, 0, 0, 0, i)]),
      );
    } finally {
      await ds.destroy();
      await s.srv.close();
    }
  });

  it('writes by LOAD DATA when the server allows it', async () => {
    const s = await setupLoggedKey();
    try {
      const warn = jest.fn();
      const write = logRowWriter(s.srv.ds, { warn } as never);
      const loads = async () => Number(((await s.srv.ds.query("SHOW GLOBAL STATUS LIKE 'Com_load'")) as Array<{ Value: string }>)[0]?.Value);
      const before = await loads();
      const row = logRow(s, { usedPreviousSecret: true, operationName: 'Loaded', fields: ['me', 'shop'], httpStatus: 403, errorCode: 'FORBIDDEN', durationMs: 2.25, ip: '::1' });
      await write(batchOf([row, row]));
      expect(await loads()).toBeGreaterThan(before);
      expect(warn).not.toHaveBeenCalled();
      const stored = await s.srv.ds.getRepository(ApiRequestLogEntity).findBy({ apiKeyId: s.key.id });
      expect(stored).toHaveLength(2);
      expect(stored[0]).toMatchObject({ usedPreviousSecret: true, operationName: 'Loaded', fields: 'me,shop', httpStatus: 403, errorCode: 'FORBIDDEN', durationMs: 2.25, ip: '::1', userAgent: null });
    } finally {
      await s.srv.close();
    }
  });

  it('does not fall back on other errors: the buffer retries the batch', async () => {
    const s = await setupLoggedKey();
    try {
      const warn = jest.fn();
      const write = logRowWriter(s.srv.ds, { warn } as never);
      const bad = logRow(s);
      await s.srv.ds.query('RENAME TABLE api_request_log TO api_request_log_away');
      await expect(write(batchOf([bad]))).rejects.toMatchObject({ errno: 1146 });
      await s.srv.ds.query('RENAME TABLE api_request_log_away TO api_request_log');
      await write(batchOf([bad]));
      expect(warn).not.toHaveBeenCalled();
      expect(await s.count()).toBe(1);
    } finally {
      await s.srv.close();
    }
  });
});
