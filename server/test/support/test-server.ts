import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openDatabase } from '../../src/db/data-source';
import { createApp, listen, type App } from '../../src/app';

declare const TEST_DB: 'sqlite' | 'mysql';
export const dialect: 'sqlite' | 'mysql' = TEST_DB;
const MYSQL_URL = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test';

export interface TestServer {
  url: string;
  app: App;
  ds: DataSource;
  config: Config;
  close(): Promise<void>;
}

/** What startTestServer gives every server; `env` adds to it or overrides it. */
function testEnv(sqlitePath: string, databaseUrl: string | undefined, env: Record<string, string>) {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    BCRYPT_COST: '10',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
    SQLITE_PATH: sqlitePath,
    CLIENT_DIST: path.join(os.tmpdir(), 'keysmith-no-client'),
    AUTH_RATE_LIMIT: '1000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  };
}

/** A fresh database (temp SQLite file, or a new MySQL database) and a real HTTP server on a free port. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const id = crypto.randomBytes(6).toString('hex');
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const sqlitePath = path.join(os.tmpdir(), `keysmith-test-${id}.sqlite`);
  if (dialect === 'mysql') {
    const admin = await mysql.createConnection(MYSQL_URL);
    const name = `ks_test_${id}`;
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const u = new URL(MYSQL_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const c = await mysql.createConnection(MYSQL_URL);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
  }
  const config = loadConfig(testEnv(sqlitePath, databaseUrl, env));
  const logger = createLogger(config.logLevel);
  const ds = await openDatabase(config);
  const app = await createApp(config, ds, logger);
  const port = await listen(app.server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    ds,
    config,
    async close() {
      await app.close();
      if (dropDb) await dropDb();
      for (const f of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

export interface Instance {
  url: string;
  app: App;
  close(): Promise<void>;
}

/**
 * Another instance on the same database as `first` (the same SQLite file, or the same
 * MySQL database), as a second pod behind a load balancer would be. Close it before `first`.
 *
 * On SQLite both connections to the one file live in this one process, and better-sqlite3
 * waits for a lock by blocking the thread: the instance holding the lock (mid-transaction,
 * between awaits) could never finish, and both stalled for the whole busy timeout (5 s), e.g.
 * when their request-log flushes met. So neither waits here: a write that meets the other's
 * lock fails at once, and the request log retries it. (Separate processes, as in a real
 * deployment, simply wait for each other.)
 */
export async function startSecondInstance(first: TestServer, env: Record<string, string> = {}): Promise<Instance> {
  const config = loadConfig(testEnv(first.config.sqlitePath, first.config.databaseUrl, env));
  const ds = await openDatabase(config);
  if (dialect === 'sqlite') for (const d of [first.ds, ds]) await d.query('PRAGMA busy_timeout = 0');
  const app = await createApp(config, ds, createLogger(config.logLevel));
  const port = await listen(app.server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}
