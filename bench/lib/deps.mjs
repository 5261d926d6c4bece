// Dependencies the server already has (mysql2, ioredis) are resolved from server/, autocannon from the root.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fromServer = createRequire(path.join(ROOT, 'server/package.json'));
const fromRoot = createRequire(path.join(ROOT, 'package.json'));

export const mysql = fromServer('mysql2/promise');
export const Redis = fromServer('ioredis');
export const autocannon = fromRoot('autocannon');
export const autocannonVersion = fromRoot('autocannon/package.json').version;
export const shared = fromServer('@keysmith/shared');
