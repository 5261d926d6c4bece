import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type Dialect = 'mysql' | 'sqlite';

export interface DbOptions {
  databaseUrl?: string;
  sqlitePath: string;
}

export function dialectOf(ds: DataSource): Dialect {
  return ds.options.type === 'mysql' ? 'mysql' : 'sqlite';
}

/** MySQL when DATABASE_URL is set, otherwise the embedded SQLite file. Never `synchronize`: migrations only. */
export function createDataSource(opts: DbOptions): DataSource {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (opts.databaseUrl) {
    return new DataSource({
      ...common,
      type: 'mysql',
      url: opts.databaseUrl,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: 20,
      // mysql2 captures a stack trace per query by default; we do not need it on the hot path.
      // Prepared statements (db/prepared.ts) are few; mysql2's default cache is sized for 16 000 per connection.
      extra: { trace: false, maxPreparedStatements: 256 },
    });
  }
  fs.mkdirSync(path.dirname(opts.sqlitePath), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: opts.sqlitePath,
    enableWAL: true,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  });
}

export async function openDatabase(opts: DbOptions): Promise<DataSource> {
  const ds = createDataSource(opts);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
