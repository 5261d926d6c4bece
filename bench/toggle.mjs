#!/usr/bin/env node
// Request logging's cost within one process: servers started with BENCH_LOGGING_SIGNAL (benchmark
// only), whose logging SIGUSR2 turns off and on; each round measures one of them with logging on
// and off, back to back. Two processes of one build differ by a few per cent for their whole life,
// which `pnpm bench` (logging on and off are different processes) can only average over two of
// each; here both sides of every pair run on the same process. A diagnosis tool; build first.
//
//   PROFILE_KEEP_DB=1 TOGGLE_PROCESSES=2 TOGGLE_ROUNDS=12 node bench/toggle.mjs
//   A='REQUEST_LOG_FLUSH_MS=100' ...     settings for every process (as bench/ab.mjs)
import { databasePid, killAll, startKeysmith } from './lib/processes.mjs';
import { isolateServerCore } from './lib/pinning.mjs';
import { profileDatabase, settingsFrom } from './lib/profile-db.mjs';
import { diagnosisRedis } from './lib/redis.mjs';
import { inventoryRequests, measure, warmUp } from './lib/load.mjs';
import { median, perProcessMedian } from './lib/stats.mjs';

const env = process.env;
const count = Number(env.TOGGLE_PROCESSES || 2);
const rounds = Number(env.TOGGLE_ROUNDS || 12);
const seconds = Number(env.TOGGLE_SECONDS || 3);
const state = await profileDatabase();
const redis = await diagnosisRedis();
const dbPid = databasePid() ?? undefined;
isolateServerCore(dbPid); // killAll() puts the database's affinity back
const settings = { DATABASE_URL: state.url, REQUEST_LOGGING: 'true', BENCH_LOGGING_SIGNAL: 'true', ...redis.env, ...settingsFrom('A') };
const requests = inventoryRequests(state.keys);
const servers = [];
/** Logging as each server has it now: every server starts with it on. */
const logging = [];
const rps = [];
const cpu = [];
try {
  for (let i = 0; i < count; i++) {
    servers.push(await startKeysmith(`process ${i + 1}`, settings));
    logging.push(true);
  }
  for (const s of servers) await warmUp({ url: s.url, requests, connections: 50, seconds: 3 });
  for (let r = 0; r < rounds; r++) {
    const p = r % count;
    const s = servers[p];
    // Each process sees both orders in turn.
    const order = Math.floor(r / count) % 2 ? ['off', 'on'] : ['on', 'off'];
    const m = {};
    for (const mode of order) {
      if ((mode === 'on') !== logging[p]) {
        process.kill(s.pid, 'SIGUSR2');
        logging[p] = !logging[p];
      }
      // The flip's signal is handled at once; the second of untimed load also flushes the rows of the other mode.
      await warmUp({ url: s.url, requests, connections: 50, seconds: 1 });
      m[mode] = await measure({ url: s.url, requests, connections: 50, seconds, pid: s.pid, dbPid });
    }
    rps.push(m.on.rps / m.off.rps);
    cpu.push(m.off.cpuUsPerRequest / m.on.cpuUsPerRequest);
    // Below ~100 % the server waited (on the load generator or the database).
    const busy = (x) => `${((x.cpuUsPerRequest * x.rps) / 1e4).toFixed(1)} %`;
    process.stdout.write(
      `round ${r + 1} process ${p + 1} (${order.join(' then ')}): on ${m.on.rps.toFixed(0)} req/s, ${m.on.cpuUsPerRequest.toFixed(1)} us/req, core busy ${busy(m.on)}; ` +
        `off ${m.off.rps.toFixed(0)}, ${m.off.cpuUsPerRequest.toFixed(1)}, ${busy(m.off)}; on / off ${rps.at(-1).toFixed(3)} (CPU ${cpu.at(-1).toFixed(3)})\n`,
    );
  }
  for (let p = 0; p < count; p++) {
    const mine = (xs) => xs.filter((_, i) => i % count === p);
    process.stdout.write(`process ${p + 1}: on / off ${median(mine(rps)).toFixed(3)} (CPU ${median(mine(cpu)).toFixed(3)})\n`);
  }
  const below = rps.filter((x) => x < 1).length;
  process.stdout.write(`logging on / off in one process: ${perProcessMedian(rps, count).toFixed(3)} req/s, ${perProcessMedian(cpu, count).toFixed(3)} inverse CPU per request (per-process medians combined); ${below} of ${rounds} rounds below 1\n`);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  killAll();
  await redis.stop();
}
