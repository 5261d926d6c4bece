// Two modes measured in short alternating windows: logging on / off in one server process (SIGUSR2),
// two loads on one process (with and without a key), or two processes (1M / 1k keys). Bursts of
// other work on this shared host last seconds and move a run's speed by 10-50 %; two runs of
// several seconds each rarely share a burst, while windows of a second next to each other mostly
// do. The server's own count of answered requests is read at each window's ends (wrk only counts
// at its end), its CPU from /proc.
import { performance } from 'node:perf_hooks';
import { cpuSeconds } from './processes.mjs';
import { background } from './wrk.mjs';
import { geometricMean, median } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Partner requests the server has answered on its fast path (all of the bench's partner queries take it). */
export async function servedCount(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = /^keysmith_graphql_compiled_requests_total (\d+)$/m.exec(text);
  if (!m) throw new Error(`${url}/metrics has no keysmith_graphql_compiled_requests_total`);
  return Number(m[1]);
}

/** The counters at one moment: the request count is read over HTTP, so its time is the middle of that read. */
async function sample(url, pid, dbPid) {
  const t0 = performance.now();
  const served = await servedCount(url);
  const t1 = performance.now();
  return { at: (t0 + t1) / 2, served, cpu: cpuSeconds(pid), db: dbPid ? cpuSeconds(dbPid) : null };
}

/**
 * `windows` windows of `windowMs`, alternating between `modes[0]` and `modes[1]`. A mode is
 * `{ name, url, pid, requests }`: the server it measures and the load it gets. `set(name)`, if
 * given, switches the server before each window. The load runs on through windows of the same
 * server and requests, and is restarted (wrk, `connections`) where they change. The first `skipMs`
 * after a switch are not measured: new connections open, and work the other mode left behind (a
 * pending log flush every 250 ms) is done before the window opens. Each pair of neighbouring
 * windows gives a ratio modes[0] / modes[1], in both orders alike; the result is their median
 * (req/s, and inverse server CPU per request). Needs wrk.
 */
export async function interleave({ modes, set, dbPid, connections = 50, windows = 40, windowMs = 1000, skipMs = 400 }) {
  if (windows < 2) throw new Error('interleave needs at least two windows');
  const [first, second] = modes;
  const oneLoad = first.url === second.url && first.requests === second.requests;
  const start = (m, count) => background({ url: m.url, requests: m.requests, connections, seconds: Math.ceil((count * (windowMs + skipMs + 100)) / 1000) + 30 });
  let load = oneLoad ? start(first, windows) : null;
  const measured = [];
  try {
    await sleep(oneLoad ? 1000 : 0); // connections opened, the load steady
    for (let k = 0; k < windows; k++) {
      const mode = modes[k % 2];
      if (!oneLoad) {
        await load?.stop();
        load = start(mode, 1);
      }
      await set?.(mode.name);
      await sleep(skipMs);
      const a = await sample(mode.url, mode.pid, dbPid);
      await sleep(windowMs);
      const b = await sample(mode.url, mode.pid, dbPid);
      const n = b.served - a.served;
      if (n <= 0) throw new Error(`no request answered by ${mode.url} in window ${k + 1} of ${windows}: did the load (wrk) stop?`);
      measured.push({
        mode: mode.name,
        seconds: (b.at - a.at) / 1000,
        served: n,
        rps: (n * 1000) / (b.at - a.at),
        cpuUsPerRequest: ((b.cpu - a.cpu) * 1e6) / n,
        dbCpuUsPerRequest: a.db === null ? null : ((b.db - a.db) * 1e6) / n,
        busy: (b.cpu - a.cpu) / ((b.at - a.at) / 1000),
      });
    }
  } finally {
    await load?.stop();
  }
  const rps = [];
  const cpu = [];
  for (let k = 0; k + 1 < measured.length; k++) {
    const [x, y] = measured[k].mode === first.name ? [measured[k], measured[k + 1]] : [measured[k + 1], measured[k]];
    rps.push(x.rps / y.rps);
    cpu.push(y.cpuUsPerRequest / x.cpuUsPerRequest);
  }
  const sides = [summary(measured, first.name), summary(measured, second.name)];
  return {
    windows: measured,
    /** Each mode's windows taken together, modes[0]'s first. */
    sides,
    rpsRatios: rps,
    cpuRatios: cpu,
    rps: median(rps),
    cpu: median(cpu),
    /** All of one mode's windows against all of the other's: a check on the median. */
    pooledRps: sides[0].rps / sides[1].rps,
  };
}

/**
 * One mode's windows together: req/s over their time, server and database CPU per request over their
 * requests, and how busy the server core was (the mean of the windows; well below 95 % the server
 * waited for its load or the host, and req/s then says less about cost).
 */
function summary(measured, name) {
  const mine = measured.filter((w) => w.mode === name);
  const served = mine.reduce((s, w) => s + w.served, 0);
  const perRequest = (f) => mine.reduce((s, w) => s + (f(w) ?? 0) * w.served, 0) / served;
  return {
    name,
    rps: served / mine.reduce((s, w) => s + w.seconds, 0),
    cpuUsPerRequest: perRequest((w) => w.cpuUsPerRequest),
    // null when the database is not on this machine (bench/lib/target.mjs): unknown, not zero.
    dbCpuUsPerRequest: mine.some((w) => w.dbCpuUsPerRequest === null) ? null : perRequest((w) => w.dbCpuUsPerRequest),
    busyPercent: (100 * mine.reduce((s, w) => s + w.busy, 0)) / mine.length,
  };
}

/** Several interleaved measurements (one per process or pair of processes), combined: every one weighs the same. */
function combined(processes) {
  return { processes, rps: geometricMean(processes.map((p) => p.rps)), cpu: geometricMean(processes.map((p) => p.cpu)) };
}

/**
 * Request logging on / off on each of `servers` (started with BENCH_LOGGING_SIGNAL=true and logging
 * on: SIGUSR2 flips it), one after the other; each is left with logging on. `switchPid(server)`
 * names the process that SIGUSR2 goes to instead, switched on now (bench:toggle's TOGGLE_WRITER:
 * a separate writer doing the database's share of logging for logging-off servers).
 */
export async function loggingOnOff(servers, { requests, dbPid, windows = 40, windowMs, skipMs, switchPid = (s) => s.pid }) {
  const processes = [];
  for (const s of servers) {
    let on = true;
    const flip = () => {
      process.kill(switchPid(s), 'SIGUSR2');
      on = !on;
    };
    const mode = (name) => ({ name, url: s.url, pid: s.pid, requests });
    try {
      processes.push(await interleave({ modes: [mode('on'), mode('off')], set: async (name) => (name === 'on') !== on && flip(), dbPid, windows, windowMs, skipMs }));
    } finally {
      if (!on) flip();
    }
  }
  return combined(processes);
}

/**
 * Two loads or two servers in alternating windows, `pairs` of [numerator, denominator] modes
 * (`{ name, url, pid, requests }`) measured one pair after the other.
 */
export async function alternating(pairs, { dbPid, windows = 40, windowMs, skipMs }) {
  const processes = [];
  for (const modes of pairs) processes.push(await interleave({ modes, dbPid, windows, windowMs, skipMs }));
  return combined(processes);
}
