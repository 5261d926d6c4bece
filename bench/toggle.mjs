#!/usr/bin/env node
// Request logging's cost within one process: servers started with BENCH_LOGGING_SIGNAL (benchmark
// only), whose logging SIGUSR2 turns off and on. Each process is measured under one unbroken load
// in short windows, logging on and off in turn (lib/interleave.mjs): both sides of every ratio
// ran on the same process, seconds apart. A diagnosis tool; build first. Needs wrk.
//
//   PROFILE_KEEP_DB=1 TOGGLE_PROCESSES=2 TOGGLE_WINDOWS=40 node bench/toggle.mjs
//   A='REQUEST_LOG_FLUSH_MS=100' ...     settings for every process (as bench/ab.mjs)
//   TOGGLE_UNAUTHENTICATED=1 ...          the requests without a key (the bench-only switch): what logging costs without 100 keys
//   TOGGLE_BLACKHOLE=1 ...                the log table stores nothing (MariaDB's BLACKHOLE engine): the server's own share
//   TOGGLE_WRITER=1 ...                   logging-off servers, and a separate writer loading as many rows in the "on"
//                                         windows (lib/log-writer.mjs): the database's share
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mysql } from './lib/deps.mjs';
import { databasePid, killAll, startKeysmith } from './lib/processes.mjs';
import { isolateServerCore } from './lib/pinning.mjs';
import { profileDatabase, settingsFrom } from './lib/profile-db.mjs';
import { diagnosisRedis } from './lib/redis.mjs';
import { inventoryRequests, loadDriver, warmUp } from './lib/load.mjs';
import { background } from './lib/wrk.mjs';
import { loggingOnOff, servedCount } from './lib/interleave.mjs';

const env = process.env;
const count = Number(env.TOGGLE_PROCESSES || 2);
const windows = Number(env.TOGGLE_WINDOWS || 40);
if (loadDriver.name !== 'wrk') throw new Error('bench:toggle needs wrk (apt-get install wrk)');
const state = await profileDatabase();
const redis = await diagnosisRedis();
const dbPid = databasePid() ?? undefined;
const usOrDash = (v) => (v === null ? '-' : v.toFixed(1));
isolateServerCore(dbPid); // killAll() puts the database's affinity back
const unauthenticated = Boolean(env.TOGGLE_UNAUTHENTICATED);
const blackhole = Boolean(env.TOGGLE_BLACKHOLE);
const writerMode = Boolean(env.TOGGLE_WRITER);
if (blackhole && writerMode) throw new Error('TOGGLE_BLACKHOLE and TOGGLE_WRITER measure different shares: one at a time');
const settings = {
  DATABASE_URL: state.url,
  ...(writerMode ? { REQUEST_LOGGING: 'false' } : { REQUEST_LOGGING: 'true', BENCH_LOGGING_SIGNAL: 'true' }),
  ...(unauthenticated ? { BENCH_UNAUTHENTICATED_SHOP_ID: state.shopId } : {}),
  ...redis.env,
  ...settingsFrom('A'),
};
const requests = inventoryRequests(unauthenticated ? null : state.keys);
const what = writerMode ? 'separate writer on / off, servers not logging' : blackhole ? 'logging on / off, the log table storing nothing' : 'logging on / off';
const servers = [];
let writer = null;
const db = blackhole ? await mysql.createConnection(state.url) : null;
try {
  if (db) await storeNothing(db);
  for (let i = 0; i < count; i++) servers.push(await startKeysmith(`process ${i + 1}`, settings));
  for (const s of servers) await warmUp({ url: s.url, requests, connections: 50, seconds: 3 });
  if (writerMode) writer = await startWriter(servers);
  const result = await loggingOnOff(servers, { requests, dbPid, windows, ...(writer ? { switchPid: () => alive(writer).pid } : {}) });
  if (writer) alive(writer);
  for (const [i, p] of result.processes.entries()) {
    const [on, off] = p.sides;
    process.stdout.write(
      `process ${i + 1}: ${what}: ${p.rps.toFixed(3)} req/s (${p.rpsRatios.filter((x) => x < 1).length} of ${p.rpsRatios.length} window pairs below 1; all windows pooled ${p.pooledRps.toFixed(3)}), ` +
        `${p.cpu.toFixed(3)} inverse CPU per request; server ${on.cpuUsPerRequest.toFixed(1)} / ${off.cpuUsPerRequest.toFixed(1)} us/req, ` +
        `core busy ${on.busyPercent.toFixed(1)} / ${off.busyPercent.toFixed(1)} %, database ${usOrDash(on.dbCpuUsPerRequest)} / ${usOrDash(off.dbCpuUsPerRequest)} us/req\n`,
    );
  }
  process.stdout.write(`${what}, in one process: ${result.rps.toFixed(3)} req/s, ${result.cpu.toFixed(3)} inverse CPU per request (per-process medians of ${windows - 1} window pairs, combined)\n`);
} finally {
  writer?.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.stop()));
  if (db) {
    await db.query('ALTER TABLE api_request_log ENGINE=InnoDB');
    await db.end();
  }
  killAll();
  await redis.stop();
}

/** The writer, or a clear error when it is gone: its "on" windows would have measured nothing. */
function alive(child) {
  if (child.exitCode === null && child.signalCode === null) return child;
  throw new Error(`the log writer exited (${child.exitCode ?? child.signalCode}) during the run: its "on" windows did not all write`);
}

/** The log table as MariaDB's BLACKHOLE engine (installed if need be): rows parsed, then dropped. Put back in `finally`. */
async function storeNothing(conn) {
  const [engines] = await conn.query('SHOW ENGINES');
  if (!engines.some((e) => e.Engine === 'BLACKHOLE' && e.Support !== 'NO')) await conn.query("INSTALL SONAME 'ha_blackhole'");
  await conn.query('ALTER TABLE api_request_log ENGINE=BLACKHOLE');
}

/**
 * The separate writer (lib/log-writer.mjs) on the shared cores, switched on, loading a quarter of the
 * servers' mean rate every 250 ms: the rows logging would write. Its rate is read over 2 s of load.
 */
async function startWriter(list) {
  const rates = [];
  for (const s of list) {
    const load = background({ url: s.url, requests, connections: 50, seconds: 4 });
    await new Promise((r) => setTimeout(r, 1000));
    const a = await servedCount(s.url);
    await new Promise((r) => setTimeout(r, 2000));
    rates.push(((await servedCount(s.url)) - a) / 2);
    await load.stop();
  }
  const rows = Math.max(1, Math.round(rates.reduce((x, y) => x + y, 0) / rates.length / 4));
  process.stdout.write(`writer: ${rows} rows every 250 ms (${rows * 4} a second)\n`);
  const child = spawn(process.execPath, [fileURLToPath(new URL('./lib/log-writer.mjs', import.meta.url)), state.url, String(rows)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`the log writer exited with ${code} before it was ready`)));
  });
  child.kill('SIGUSR2'); // on, as a logging server starts
  return child;
}
