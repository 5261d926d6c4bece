#!/usr/bin/env node
// One Keysmith server on MySQL under the bench's partner load, for profiling a change
// quickly (seconds, not the full `pnpm bench`). Prints req/s and the CPU per request of
// the server and of the database server. Build first (`pnpm build`). See bench/README.md.
//
//   node bench/profile.mjs                       authenticated, logging on, 2 x 4 s
//   PROFILE_LOGGING=false node bench/profile.mjs logging off
//   PROFILE_UNAUTHENTICATED=1 ...                the benchmark-only unauthenticated switch
//   BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' ...   a V8 CPU profile of the server
//   PROFILE_KEEP_DB=1 ...                        reuse the database of the previous run
import { spawnSync } from 'node:child_process';
import { killAll, startKeysmith } from './lib/processes.mjs';
import { recreateDatabase, seedInventory, seedKeys, seedShop, signUp } from './lib/seed.mjs';
import { inventoryRequests, measure, warmUp } from './lib/load.mjs';

const env = process.env;
const admin = env.BENCH_MYSQL_URL || 'mysql://root@127.0.0.1:3306';
const db = 'keysmith_profile';
const dbUrl = `${admin}/${db}`;
const seconds = Number(env.PROFILE_SECONDS || 4);
const rounds = Number(env.PROFILE_ROUNDS || 2);

async function prepare() {
  await recreateDatabase(admin, db);
  const setup = await startKeysmith('setup', { DATABASE_URL: dbUrl, BCRYPT_COST: '10' });
  const merchant = await signUp(setup.url);
  await setup.stop();
  const shopId = await seedShop(dbUrl, merchant.merchantId);
  await seedInventory(dbUrl, shopId, 50);
  const keys = await seedKeys(dbUrl, { merchantId: merchant.merchantId, shopId }, 1000, 100);
  return { shopId, keys };
}

let state;
const file = new URL('./results/profile-state.json', import.meta.url);
const fs = await import('node:fs');
if (env.PROFILE_KEEP_DB && fs.existsSync(file)) state = JSON.parse(fs.readFileSync(file, 'utf8'));
else fs.writeFileSync(file, JSON.stringify((state = await prepare())));

const dbPid = Number(spawnSync('pgrep', ['-xo', 'mariadbd'], { encoding: 'utf8' }).stdout.trim() || spawnSync('pgrep', ['-xo', 'mysqld'], { encoding: 'utf8' }).stdout.trim()) || undefined;
const server = await startKeysmith('profile', {
  DATABASE_URL: dbUrl,
  REQUEST_LOGGING: env.PROFILE_LOGGING ?? 'true',
  BENCH_UNAUTHENTICATED_SHOP_ID: state.shopId,
  ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : {}),
});
const requests = inventoryRequests(env.PROFILE_UNAUTHENTICATED ? null : state.keys);
try {
  await warmUp({ url: server.url, requests, connections: 50, seconds: 3 });
  for (let i = 0; i < rounds; i++) {
    const r = await measure({ url: server.url, requests, connections: 50, seconds, pid: server.pid, dbPid });
    const us = (v) => (v === null || v === undefined ? '-' : v.toFixed(0));
    process.stdout.write(`req/s ${r.rps.toFixed(0)}  server CPU us/req ${us(r.cpuUsPerRequest)}  DB CPU us/req ${us(r.dbCpuUsPerRequest)}  p99 ${r.p99} ms  non-2xx ${r.non2xx}\n`);
  }
} finally {
  await server.stop();
  killAll();
}
