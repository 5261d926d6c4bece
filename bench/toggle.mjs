#!/usr/bin/env node
// Request logging's cost within one process: servers started with BENCH_LOGGING_SIGNAL (benchmark
// only), whose logging SIGUSR2 turns off and on. Each process is measured under one unbroken load
// in short windows, logging on and off in turn (lib/interleave.mjs): both sides of every ratio
// ran on the same process, seconds apart. A diagnosis tool; build first. Needs wrk.
//
//   PROFILE_KEEP_DB=1 TOGGLE_PROCESSES=2 TOGGLE_WINDOWS=40 node bench/toggle.mjs
//   A='REQUEST_LOG_FLUSH_MS=100' ...     settings for every process (as bench/ab.mjs)
//   TOGGLE_UNAUTHENTICATED=1 ...          the requests without a key (the bench-only switch): what logging costs without 100 keys
import { databasePid, killAll, startKeysmith } from './lib/processes.mjs';
import { isolateServerCore } from './lib/pinning.mjs';
import { profileDatabase, settingsFrom } from './lib/profile-db.mjs';
import { diagnosisRedis } from './lib/redis.mjs';
import { inventoryRequests, loadDriver, warmUp } from './lib/load.mjs';
import { loggingOnOff } from './lib/interleave.mjs';

const env = process.env;
const count = Number(env.TOGGLE_PROCESSES || 2);
const windows = Number(env.TOGGLE_WINDOWS || 40);
if (loadDriver.name !== 'wrk') throw new Error('bench:toggle needs wrk (apt-get install wrk)');
const state = await profileDatabase();
const redis = await diagnosisRedis();
const dbPid = databasePid() ?? undefined;
isolateServerCore(dbPid); // killAll() puts the database's affinity back
const unauthenticated = Boolean(env.TOGGLE_UNAUTHENTICATED);
const settings = {
  DATABASE_URL: state.url,
  REQUEST_LOGGING: 'true',
  BENCH_LOGGING_SIGNAL: 'true',
  ...(unauthenticated ? { BENCH_UNAUTHENTICATED_SHOP_ID: state.shopId } : {}),
  ...redis.env,
  ...settingsFrom('A'),
};
const requests = inventoryRequests(unauthenticated ? null : state.keys);
const servers = [];
try {
  for (let i = 0; i < count; i++) servers.push(await startKeysmith(`process ${i + 1}`, settings));
  for (const s of servers) await warmUp({ url: s.url, requests, connections: 50, seconds: 3 });
  const result = await loggingOnOff(servers, { requests, dbPid, windows });
  for (const [i, p] of result.processes.entries()) {
    const [on, off] = p.sides;
    process.stdout.write(
      `process ${i + 1}: on / off ${p.rps.toFixed(3)} req/s (${p.rpsRatios.filter((x) => x < 1).length} of ${p.rpsRatios.length} window pairs below 1; all windows pooled ${p.pooledRps.toFixed(3)}), ` +
        `${p.cpu.toFixed(3)} inverse CPU per request; server ${on.cpuUsPerRequest.toFixed(1)} / ${off.cpuUsPerRequest.toFixed(1)} us/req, ` +
        `core busy ${on.busyPercent.toFixed(1)} / ${off.busyPercent.toFixed(1)} %, database ${on.dbCpuUsPerRequest.toFixed(1)} / ${off.dbCpuUsPerRequest.toFixed(1)} us/req\n`,
    );
  }
  process.stdout.write(`logging on / off in one process: ${result.rps.toFixed(3)} req/s, ${result.cpu.toFixed(3)} inverse CPU per request (per-process medians of ${windows - 1} window pairs, combined)\n`);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  killAll();
  await redis.stop();
}
