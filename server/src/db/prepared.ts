import type { DataSource } from 'typeorm';
import { dialectOf } from './data-source';

interface Mysql2Pool {
  execute(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown) => void): void;
}

/**
 * Prepared statements for the partner hot path, on TypeORM's own mysql2 pool
 * (mysql2 prepares a statement once per connection and caches it). Where they
 * pay, measured with `pnpm bench` (bench/README.md): the inventory page costs
 * ~55 us of CPU against ~120 us through TypeORM's query builder, and a 500-row
 * log INSERT costs MariaDB about a quarter less than the same INSERT as text.
 * SQLite has no pool: these fall back to TypeORM's shared connection there.
 */
function mysqlPool(ds: DataSource): Mysql2Pool | null {
  return dialectOf(ds) === 'mysql' ? ((ds.driver as unknown as { pool?: Mysql2Pool }).pool ?? null) : null;
}

function execute<T>(pool: Mysql2Pool, sql: string, params: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    pool.execute(sql, params, (err, result) => (err ? reject(err) : resolve(result as T)));
  });
}

/** Rows of one read statement. */
export function selectRows<T>(ds: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const pool = mysqlPool(ds);
  return pool ? execute<T[]>(pool, sql, params) : ds.query(sql, params);
}

/**
 * One write statement as a prepared statement on MySQL, or undefined when there is
 * no pool (SQLite): the caller then runs it its own way. Only for statements of a
 * fixed text: each distinct text is prepared on every pooled connection.
 */
export async function executePrepared(ds: DataSource, sql: string, params: unknown[]): Promise<boolean> {
  const pool = mysqlPool(ds);
  if (!pool) return false;
  await execute<unknown>(pool, sql, params);
  return true;
}
