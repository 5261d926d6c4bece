import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { sqlDate } from '../../db/columns';
import { mysqlPool, type Mysql2Pool } from '../../db/prepared';
import { inTransaction } from '../../db/transaction';
import type { Logger } from '../../logger';
import { decodeRows, type EncodedBatch } from './encoded-rows';
import { INSERT_COLUMNS, LOAD_SQL } from './log-row';

const PLACEHOLDERS = `(${new Array(12).fill('?').join(', ')})`;
const insertSql = (n: number) => `INSERT INTO api_request_log (${INSERT_COLUMNS}) VALUES ${new Array(n).fill(PLACEHOLDERS).join(', ')}`;

/**
 * Rows per write: one LOAD DATA statement on MySQL, so one statement per flush tick at any
 * rate an instance serves (5 000 rows in 250 ms is 20 000 req/s). Every statement has a
 * fixed cost on the database (parse, open, commit and its redo flush) that is paid on the
 * database's CPU, which partner queries need too: measured under load, 500-row batches plus
 * the timer's partial rest cost about 3 % more partner throughput than one batch per tick
 * (bench/README.md). The rows of a batch are retried together, so a backlog after an outage
 * still goes out in bounded pieces.
 */
export const BATCH_ROWS = 5000;

/** Rows per INSERT statement: 12 parameters each, well under SQLite's 32 766 variables. */
const INSERT_ROWS = 500;

/**
 * A batch (each row's values in INSERT_COLUMNS order) as 500-row INSERTs in one transaction:
 * atomic on both dialects, so a failed batch is retried whole and never half-stored. Text, not
 * a prepared statement: a prepared 500-row INSERT saved MariaDB ~2 us per row but kept 6 000
 * parameter definitions alive on every pooled connection (a third of the live heap), which the
 * garbage collector then paid for on every request. In one transaction on SQLite too: its
 * connection is shared, and outside the transaction queue the INSERT could land inside (and
 * roll back with) someone else's transaction.
 */
export async function insertRows(ds: DataSource, rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(ds, async (em) => {
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      const chunk = rows.slice(i, i + INSERT_ROWS);
      await em.query(insertSql(chunk.length), chunk.flat());
    }
  });
}

/**
 * The server's "no" to LOAD DATA LOCAL: 1148 (not allowed: local_infile=OFF on MariaDB and
 * MySQL 5.7), 4166 (MariaDB: a side has the capability off), 3948 (MySQL 8, whose default is
 * off), 1235 or 1064 (a MySQL-compatible server without it).
 */
const LOAD_REFUSED = new Set([1148, 4166, 3948, 1235, 1064]);

/**
 * One batch as `LOAD DATA LOCAL INFILE` from memory: its pieces as the queue encoded them for
 * this flush (log-row-queue.ts, encoded-rows.ts), each sent by mysql2 as one packet. Measured
 * against the multi-row INSERT (bench/README.md): about a quarter less MariaDB CPU per row
 * and less in node (no 6 000-parameter SQL formatting). One statement, so atomic like the
 * INSERT. The stream factory ignores the file name the server asks for: whatever a server
 * asks, it gets this batch and never a file from this machine.
 */
function loadRows(pool: Mysql2Pool, batch: EncodedBatch): Promise<void> {
  return new Promise((resolve, reject) => {
    pool.query({ sql: LOAD_SQL, infileStreamFactory: () => Readable.from(batch.pieces) }, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * The request log's batch writer: LOAD DATA on MySQL unless the server refuses it
 * (then the INSERT, for the life of the process, said once), the INSERT on SQLite.
 */
export function logRowWriter(ds: DataSource, logger: Logger): (batch: EncodedBatch) => Promise<void> {
  // Null on SQLite, and from the server's first refusal on.
  let loadPool = mysqlPool(ds);
  return async (batch) => {
    if (batch.rows === 0) return;
    if (loadPool) {
      try {
        await loadRows(loadPool, batch);
        return;
      } catch (e) {
        if (!LOAD_REFUSED.has((e as { errno?: number }).errno ?? 0)) throw e;
        loadPool = null;
        logger.warn({ err: e }, 'request log: the database refuses LOAD DATA LOCAL (local_infile); writing batches with INSERT instead');
      }
    }
    await insertRows(ds, decodeRows(batch));
  };
}

/** One window of the retention pruner: rows deleted, and where the next window starts (null: the table ends here). */
export interface PruneWindow {
  deleted: number;
  nextId: number | null;
}

/**
 * Deletes the rows older than `cutoff` among the next `limit` rows by id from `fromId` on.
 * By primary key, not by time: an index on `at` alone would cost every logged request an
 * extra index insert (about 4 % of MariaDB's CPU per row, bench/FINDINGS.md) for a job that runs hourly,
 * and ids follow `at` closely, since rows are written within seconds of their request. The
 * `at < cutoff` condition still decides what goes, so a row inside the period is never
 * deleted, whatever its id.
 */
export async function pruneWindow(ds: DataSource, cutoff: Date, fromId: number, limit: number): Promise<PruneWindow> {
  return inTransaction(ds, async (em) => {
    if (!em.queryRunner) throw new Error('pruneWindow needs a transaction-bound EntityManager');
    const [window] = (await em.query(
      'SELECT COUNT(*) AS n, MAX(id) AS last_id FROM (SELECT id FROM api_request_log WHERE id >= ? ORDER BY id LIMIT ?) w',
      [fromId, limit],
    )) as Array<{ n: number | string; last_id: number | string | null }>;
    if (window?.last_id == null) return { deleted: 0, nextId: null };
    const lastId = Number(window.last_id);
    const result = await em.queryRunner.query('DELETE FROM api_request_log WHERE id >= ? AND id <= ? AND at < ?', [fromId, lastId, sqlDate(cutoff)], true);
    return { deleted: result.affected ?? 0, nextId: Number(window.n) < limit ? null : lastId + 1 };
  });
}
