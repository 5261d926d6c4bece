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
//   REDIS_URL= ...                               no Redis (default: redis://127.0.0.1:6379, as pnpm bench)
import { databasePid, killAll, startKeysmith } from './lib/processes.mjs';
import { isolateServerCore } from './lib/pinning.mjs';
import { profileDatabase } from './lib/profile-db.mjs';
import { diagnosisRedis } from './lib/redis.mjs';
import { inventoryRequests, measure, warmUp } from './lib/load.mjs';

const env = process.env;
const seconds = Number(env.PROFILE_SECONDS || 4);
const rounds = Number(env.PROFILE_ROUNDS || 2);
const state = await profileDatabase();
const redis = await diagnosisRedis();

const dbPid = databasePid() ?? undefined;
isolateServerCore(dbPid); // as in run.mjs; killAll() puts the database's affinity back
const server = await startKeysmith('profile', {
  DATABASE_URL: state.url,
  REQUEST_LOGGING: env.PROFILE_LOGGING ?? 'true',
  BENCH_UNAUTHENTICATED_SHOP_ID: state.shopId,
  ...redis.env,
});
const requests = inventoryRequests(env.PROFILE_UNAUTHENTICATED ? null : state.keys);
try {
  await warmUp({ url: server.url, requests, connections: 50, seconds: 3 });
  for (let i = 0; i < rounds; i++) {
    const r = await measure({ url: server.url, requests, connections: 50, seconds, pid: server.pid, dbPid });
    const us = (v) => (v === null || v === undefined ? '-' : v.toFixed(0));
    // How much of the time the server's core worked: below ~100 % the server waited (on the load generator or the database).
    const busy = r.cpuUsPerRequest === null ? '-' : `${((r.cpuUsPerRequest * r.requests) / 1e4 / r.seconds).toFixed(1)} %`;
    process.stdout.write(`req/s ${r.rps.toFixed(0)}  server CPU us/req ${us(r.cpuUsPerRequest)} (core busy ${busy})  DB CPU us/req ${us(r.dbCpuUsPerRequest)}  p99 ${r.p99} ms  non-2xx ${r.non2xx}\n`);
  }
} finally {
  await server.stop();
  killAll();
  await redis.stop();
}
