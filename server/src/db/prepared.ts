import type { DataSource } from 'typeorm';
import { dialectOf } from './data-source';

interface Mysql2Pool {
  execute(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown) => void): void;
}

/**
 * Rows of one read statement, for the partner hot path, where TypeORM's query
 * builder costs about twice the query itself (~120 us against ~55 us of CPU per
 * 21-row page, bench/README.md). On MySQL it is a prepared statement on TypeORM's
 * own mysql2 pool (cached per connection); on SQLite, TypeORM's shared connection.
 */
export function selectRows<T>(ds: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const pool = dialectOf(ds) === 'mysql' ? ((ds.driver as unknown as { pool?: Mysql2Pool }).pool ?? null) : null;
  if (!pool) return ds.query(sql, params);
  return new Promise((resolve, reject) => {
    pool.execute(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])));
  });
}
