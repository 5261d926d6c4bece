import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { sqlDate } from '../../db/columns';
import { dialectOf } from '../../db/data-source';
import { mysqlPool, type Mysql2Pool } from '../../db/prepared';
import { inTransaction } from '../../db/transaction';
import type { Logger } from '../../logger';
import { INSERT_COLUMNS, rowValues, tsvLine, type LogRow } from './log-row';

const PLACEHOLDERS = `(${new Array(12).fill('?').join(', ')})`;
const insertSql = (n: number) => `INSERT INTO api_request_log (${INSERT_COLUMNS}) VALUES ${new Array(n).fill(PLACEHOLDERS).join(', ')}`;

/** Rows per INSERT. */
export const BATCH_ROWS = 500;

/**
 * One multi-row INSERT: atomic on both dialects, so a failed batch is retried whole.
 * Text, not a prepared statement: a prepared 500-row INSERT saved MariaDB ~2 us per
 * row but kept 6 000 parameter definitions alive on every pooled connection (a third
 * of the live heap), which the garbage collector then paid for on every request.
 */
export async function insertRows(ds: DataSource, rows: readonly LogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const params = rows.flatMap((r) => rowValues(r));
  const sql = insertSql(rows.length);
  // SQLite shares one connection: outside the transaction queue the INSERT could land inside (and roll back with) someone else's transaction.
  if (dialectOf(ds) === 'sqlite') await inTransaction(ds, (em) => em.query(sql, params));
  else await ds.query(sql, params);
}

const LOAD_SQL =
  "LOAD DATA LOCAL INFILE 'keysmith-request-log' INTO TABLE api_request_log CHARACTER SET utf8mb4 " +
  `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${INSERT_COLUMNS})`;

/**
 * The server's "no" to LOAD DATA LOCAL: 1148 (not allowed: local_infile=OFF on MariaDB and
 * MySQL 5.7), 4166 (MariaDB: a side has the capability off), 3948 (MySQL 8, whose default is
 * off), 1235 or 1064 (a MySQL-compatible server without it).
 */
const LOAD_REFUSED = new Set([1148, 4166, 3948, 1235, 1064]);

/**
 * One batch as `LOAD DATA LOCAL INFILE` from memory. Measured against the multi-row
 * INSERT (bench/README.md): about a quarter less MariaDB CPU per row and less in node
 * (no 6 000-parameter SQL formatting). One statement, so atomic like the INSERT. The
 * stream factory ignores the file name the server asks for: whatever a server asks,
 * it gets this batch and never a file from this machine.
 */
function loadRows(pool: Mysql2Pool, rows: readonly LogRow[]): Promise<void> {
  let text = '';
  for (const r of rows) text += tsvLine(r);
  const data = Buffer.from(text, 'utf8');
  return new Promise((resolve, reject) => {
    pool.query({ sql: LOAD_SQL, infileStreamFactory: () => Readable.from([data]) }, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * The request log's batch writer: LOAD DATA on MySQL unless the server refuses it
 * (then the INSERT, for the life of the process, said once), the INSERT on SQLite.
 */
export function logRowWriter(ds: DataSource, logger: Logger): (rows: readonly LogRow[]) => Promise<void> {
  const pool = mysqlPool(ds);
  let bulk = pool !== null;
  return async (rows) => {
    if (rows.length === 0) return;
    if (bulk && pool) {
      try {
        await loadRows(pool, rows);
        return;
      } catch (e) {
        if (!LOAD_REFUSED.has((e as { errno?: number }).errno ?? 0)) throw e;
        bulk = false;
        logger.warn({ err: e }, 'request log: the database refuses LOAD DATA LOCAL (local_infile); writing batches with INSERT instead');
      }
    }
    await insertRows(ds, rows);
  };
}

/**
 * Deletes up to `limit` rows older than `cutoff`, oldest first, through the `at`
 * index. Small batches keep each statement's locks short on a busy table.
 */
export async function pruneBatch(ds: DataSource, cutoff: Date, limit: number): Promise<number> {
  const sql =
    dialectOf(ds) === 'mysql'
      ? 'DELETE FROM api_request_log WHERE at < ? ORDER BY at LIMIT ?'
      : 'DELETE FROM api_request_log WHERE id IN (SELECT id FROM api_request_log WHERE at < ? ORDER BY at LIMIT ?)';
  return inTransaction(ds, async (em) => {
    if (!em.queryRunner) throw new Error('pruneBatch needs a transaction-bound EntityManager');
    const result = await em.queryRunner.query(sql, [sqlDate(cutoff), limit], true);
    return result.affected ?? 0;
  });
}
