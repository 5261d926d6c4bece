import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf } from './data-source';

/**
 * Run `work` in one transaction: all of it lands or none of it does.
 *
 * TypeORM's SQLite driver shares a single connection, so two concurrent
 * transactions would silently nest as savepoints. SQLite transactions are
 * therefore queued one after another here; on MySQL each gets its own
 * pooled connection and row locks do the rest.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(ds) === 'mysql') return ds.transaction(work);
  const previous = sqliteQueues.get(ds) ?? Promise.resolve();
  const run = previous.then(
    () => ds.transaction(work),
    () => ds.transaction(work),
  );
  sqliteQueues.set(
    ds,
    run.catch(() => undefined),
  );
  return run;
}

/** `SELECT ... FOR UPDATE` on MySQL; SQLite has one writer at a time already. */
export function lockClause(ds: DataSource): string {
  return dialectOf(ds) === 'mysql' ? ' FOR UPDATE' : '';
}
