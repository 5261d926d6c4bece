#!/usr/bin/env node
// Two Keysmith servers at the same time on the server core, A and B, each under the same partner
// load: their req/s ratio is their cost ratio, measured in the same seconds. The host's noise
// (the same run's CPU per request moves by +-30 % from one second to the next here) then hits
// both alike, where back-to-back runs (profile.mjs, run.mjs) need many pairs to average it out:
// two identical servers measured 0.99-1.02 here in 6-10 rounds of 3 s. A diagnosis tool, not the
// benchmark: two servers sharing a core is not how one is deployed. Build first (`pnpm build`).
//
//   A='REQUEST_LOGGING=true' B='REQUEST_LOGGING=false' node bench/ab.mjs
//   A='...' B='...' AB_ROUNDS=10 AB_SECONDS=3 PROFILE_KEEP_DB=1 node bench/ab.mjs
//
// A and B are comma-separated VAR=value settings of each server's environment, on top of the
// profile database (bench/profile.mjs: seeded unless PROFILE_KEEP_DB=1 and a seeding exists).
import { databasePid, killAll, startKeysmith } from './lib/processes.mjs';
import { isolateServerCore } from './lib/pinning.mjs';
import { profileDatabase, settingsFrom } from './lib/profile-db.mjs';
import { median } from './lib/stats.mjs';
import { diagnosisRedis } from './lib/redis.mjs';
import { inventoryRequests, measure, warmUp } from './lib/load.mjs';

const env = process.env;
const rounds = Number(env.AB_ROUNDS || 6);
const seconds = Number(env.AB_SECONDS || 3);
const connections = Number(env.AB_CONNECTIONS || 25);
const a = settingsFrom('A');
const b = settingsFrom('B');
const state = await profileDatabase();
const redis = await diagnosisRedis();

const dbPid = databasePid() ?? undefined;
isolateServerCore(dbPid); // both servers on the server core; killAll() puts the database's affinity back
const base = { DATABASE_URL: state.url, BENCH_UNAUTHENTICATED_SHOP_ID: state.shopId, ...redis.env };
const servers = [];
try {
  servers.push(await startKeysmith('A', { ...base, ...a }), await startKeysmith('B', { ...base, ...b }));
  const requests = inventoryRequests(env.PROFILE_UNAUTHENTICATED ? null : state.keys);
  const both = (fn) => Promise.all(servers.map((s) => fn(s)));
  await both((s) => warmUp({ url: s.url, requests, connections, seconds: 8 }));
  const rps = [];
  const cpu = [];
  process.stdout.write(`A: ${JSON.stringify(a)}\nB: ${JSON.stringify(b)}\n`);
  for (let i = 0; i < rounds; i++) {
    const [ra, rb] = await both((s) => measure({ url: s.url, requests, connections, seconds, pid: s.pid }));
    rps.push(ra.rps / rb.rps);
    cpu.push(rb.cpuUsPerRequest / ra.cpuUsPerRequest);
    process.stdout.write(
      `A ${ra.rps.toFixed(0)} req/s (${ra.cpuUsPerRequest.toFixed(0)} us/req)  B ${rb.rps.toFixed(0)} req/s (${rb.cpuUsPerRequest.toFixed(0)} us/req)  A/B ${rps.at(-1).toFixed(3)}\n`,
    );
  }
  process.stdout.write(`median A/B: req/s ${median(rps).toFixed(3)}, inverse CPU per request ${median(cpu).toFixed(3)}\n`);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  killAll();
  await redis.stop();
}
