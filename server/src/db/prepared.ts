import type { DataSource } from 'typeorm';
import { dialectOf } from './data-source';

/** The part of mysql2's (callback) pool used here. */
export interface Mysql2Pool {
  execute(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown) => void): void;
  query(options: { sql: string; infileStreamFactory?: (path: string) => NodeJS.ReadableStream }, cb: (err: Error | null, result: unknown) => void): void;
}

/**
 * Prepared statements for the partner hot path, on TypeORM's own mysql2 pool
 * (mysql2 prepares a statement once per connection and caches it). Where they
 * pay, measured with `pnpm bench` (bench/README.md): the inventory page costs
 * ~55 us of CPU against ~120 us through TypeORM's query builder. Only for small,
 * fixed statements: mysql2 keeps every prepared statement's parameter and column
 * definitions on each pooled connection. SQLite has no pool: TypeORM's shared
 * connection answers there.
 */
export function mysqlPool(ds: DataSource): Mysql2Pool | null {
  return dialectOf(ds) === 'mysql' ? ((ds.driver as unknown as { pool?: Mysql2Pool }).pool ?? null) : null;
}

function execute<T>(pool: Mysql2Pool, sql: string, params: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    pool.execute(sql, params, (err, result) => (err ? reject(err) : resolve(result as T)));
  });
}

/** Rows of one read statement (a prepared statement on MySQL). */
export function selectRows<T>(ds: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const pool = mysqlPool(ds);
  return pool ? execute<T[]>(pool, sql, params) : ds.query(sql, params);
}
