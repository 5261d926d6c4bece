// Two modes of one server process, measured in short alternating windows under one unbroken load.
// Bursts of other work on this shared host last seconds and move a run's speed by 10-50 %; two
// runs of several seconds each (bench/toggle.mjs's rounds) rarely share a burst, while windows
// of a second next to each other mostly do. The server's own count of answered requests is read
// at each window's ends (wrk only counts at its end), its CPU from /proc.
import { performance } from 'node:perf_hooks';
import { cpuSeconds } from './processes.mjs';
import { background } from './wrk.mjs';
import { median } from './stats.mjs';

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
  // CLOCK_MONOTONIC in seconds, as `perf record -k CLOCK_MONOTONIC` stamps its samples.
  const monotonic = Number(process.hrtime.bigint()) / 1e9 - (t1 - t0) / 2000;
  return { at: (t0 + t1) / 2, monotonic, served, cpu: cpuSeconds(pid), db: dbPid ? cpuSeconds(dbPid) : null };
}

/**
 * `windows` windows of `windowMs`, alternating between `modes[0]` and `modes[1]` (`set(mode)` switches
 * the server; the first `skipMs` after a switch are not measured, so work the other mode left behind,
 * such as a pending log flush every 250 ms, is done before the window opens). Each pair of neighbouring
 * windows gives a ratio modes[0] / modes[1], in both orders alike; the result is their median (req/s,
 * and inverse server CPU per request). Needs wrk.
 */
export async function interleave({ url, pid, dbPid, requests, connections = 50, windows = 40, windowMs = 1000, skipMs = 400, modes, set }) {
  if (windows < 2) throw new Error('interleave needs at least two windows');
  const load = background({ url, requests, connections, seconds: Math.ceil((windows * (windowMs + skipMs + 100)) / 1000) + 30 });
  const measured = [];
  try {
    await sleep(1000); // connections opened, the load steady
    for (let k = 0; k < windows; k++) {
      const mode = modes[k % 2];
      await set(mode);
      await sleep(skipMs);
      const a = await sample(url, pid, dbPid);
      await sleep(windowMs);
      const b = await sample(url, pid, dbPid);
      const n = b.served - a.served;
      if (n <= 0) throw new Error(`no request answered by ${url} in window ${k + 1} of ${windows}: did the load (wrk) stop?`);
      measured.push({
        mode,
        from: a.monotonic,
        to: b.monotonic,
        seconds: (b.at - a.at) / 1000,
        served: n,
        rps: (n * 1000) / (b.at - a.at),
        cpuUsPerRequest: ((b.cpu - a.cpu) * 1e6) / n,
        dbCpuUsPerRequest: a.db === null ? null : ((b.db - a.db) * 1e6) / n,
        busy: (b.cpu - a.cpu) / ((b.at - a.at) / 1000),
      });
    }
  } finally {
    await load.stop();
  }
  const rps = [];
  const cpu = [];
  for (let k = 0; k + 1 < measured.length; k++) {
    const [x, y] = measured[k].mode === modes[0] ? [measured[k], measured[k + 1]] : [measured[k + 1], measured[k]];
    rps.push(x.rps / y.rps);
    cpu.push(y.cpuUsPerRequest / x.cpuUsPerRequest);
  }
  const rate = (mode) => {
    const mine = measured.filter((w) => w.mode === mode);
    return mine.reduce((s, w) => s + w.served, 0) / mine.reduce((s, w) => s + w.seconds, 0);
  };
  return {
    windows: measured,
    rpsRatios: rps,
    cpuRatios: cpu,
    rps: median(rps),
    cpu: median(cpu),
    /** All of one mode's windows against all of the other's: a check on the median. */
    pooledRps: rate(modes[0]) / rate(modes[1]),
  };
}

const geometricMean = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/**
 * Request logging on / off on each of `servers` (started with BENCH_LOGGING_SIGNAL=true and logging
 * on: SIGUSR2 flips it), one after the other; each is left with logging on. The result is the
 * geometric mean of the processes' medians, so every process weighs the same (lib/stats.mjs).
 */
export async function loggingOnOff(servers, { requests, dbPid, windows = 40, windowMs, skipMs }) {
  const processes = [];
  for (const s of servers) {
    let on = true;
    const flip = () => {
      process.kill(s.pid, 'SIGUSR2');
      on = !on;
    };
    try {
      processes.push(
        await interleave({ url: s.url, pid: s.pid, dbPid, requests, windows, windowMs, skipMs, modes: ['on', 'off'], set: async (mode) => (mode === 'on') !== on && flip() }),
      );
    } finally {
      if (!on) flip();
    }
  }
  return { processes, rps: geometricMean(processes.map((p) => p.rps)), cpu: geometricMean(processes.map((p) => p.cpu)) };
}
