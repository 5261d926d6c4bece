#!/usr/bin/env node
// Instructions per partner request, counted by valgrind's callgrind, for two server settings A and B:
// a measure of a change's cost that the host's noise does not move. Time-based tools (ab.mjs,
// profile.mjs, run.mjs) see +-5-10 % between runs of the same code here; a count of instructions
// depends only on what the code does. Needs valgrind (`apt-get install valgrind`) and a build.
//
//   A='REQUEST_LOGGING=true' B='REQUEST_LOGGING=false' node bench/instructions.mjs
//   IR_REQUESTS=3000 IR_ROUNDS=2 PROFILE_KEEP_DB=1 ...
//
// Each server runs under callgrind with instrumentation off (about ten times slower than normal),
// serves 2 x IR_REQUESTS untimed requests (JIT warm-up), then counts the instructions of the next
// IR_REQUESTS. JIT-compiled JavaScript has no symbols for valgrind: node's --perf-basic-prof map
// names it. What this does not see: the kernel (socket syscalls: about a fifth of the server's CPU
// under load), cache misses, and anything that scales with time rather than requests (at ~150 req/s
// under valgrind, a 250 ms log flush holds ~40 rows, not the ~2 000 of a real run).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killAll, startKeysmith } from './lib/processes.mjs';
import { profileDatabase, settingsFrom } from './lib/profile-db.mjs';
import { median } from './lib/stats.mjs';
import { diagnosisRedis } from './lib/redis.mjs';
import { inventoryRequests } from './lib/load.mjs';

const env = process.env;
const N = Number(env.IR_REQUESTS || 3000);
const rounds = Number(env.IR_ROUNDS || 2);
// Untimed requests first: V8 keeps compiling for tens of thousands of requests, and its compiler's
// work and not-yet-optimized code would otherwise count as the request's.
const warmup = Number(env.IR_WARMUP || 20000);
const CONCURRENCY = 8;
const configs = { A: settingsFrom('A'), B: settingsFrom('B') };
const state = await profileDatabase();
const redis = await diagnosisRedis();
// PROFILE_UNAUTHENTICATED=1: both sides without a key; A_UNAUTHENTICATED=1 or B_UNAUTHENTICATED=1: that
// side only, so A=... B=... with B_UNAUTHENTICATED=1 counts what verification adds.
const withoutKey = (which) => Boolean(env.PROFILE_UNAUTHENTICATED || env[`${which}_UNAUTHENTICATED`]);
const requestsBySide = { A: inventoryRequests(withoutKey('A') ? null : state.keys), B: inventoryRequests(withoutKey('B') ? null : state.keys) };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-ir-'));

// vgdb (how callgrind_control reaches the server) names its pipes after USER and HOST: the server's
// HOST=127.0.0.1 and an unset USER would leave the two sides looking for different names.
const vgdbEnv = { USER: 'root', LOGNAME: 'root', HOST: '127.0.0.1' };
const control = (pid, ...args) => execFileSync('callgrind_control', [...args, String(pid)], { env: { ...process.env, ...vgdbEnv }, stdio: 'ignore' });

async function serve(url, n, requests) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const r = requests[next++ % requests.length];
        const res = await fetch(url + r.path, { method: r.method, headers: r.headers, body: r.body });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`partner request answered ${res.status}`);
      }
    }),
  );
}

/** Instructions by function, from callgrind_annotate; JIT code named through node's perf map. */
function functionsOf(outFile, pid) {
  const map = fs
    .readFileSync(`/tmp/perf-${pid}.map`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [start, size, ...name] = line.split(' ');
      return { start: parseInt(start, 16), end: parseInt(start, 16) + parseInt(size, 16), name: name.join(' ') };
    })
    .sort((x, y) => x.start - y.start);
  const jsName = (addr) => {
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid].start <= addr) lo = mid;
      else hi = mid - 1;
    }
    const e = map[lo];
    return e && e.start <= addr && addr < e.end ? `js ${e.name.replace(/^(JS|LazyCompile|Function):/, '')}` : 'js (unnamed code)';
  };
  const text = execFileSync('callgrind_annotate', ['--threshold=100', outFile], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const fns = new Map();
  for (const line of text.split('\n')) {
    const m = /^\s*([\d,]+) \([ \d.]+%\)\s+(.*)$/.exec(line);
    if (!m || m[2].includes('PROGRAM TOTALS')) continue;
    const raw = m[2];
    const addr = /^\?\?\?:0x([0-9a-f]+) \[\?\?\?\]$/.exec(raw);
    const name = addr ? jsName(parseInt(addr[1], 16)) : raw.replace(/^\?\?\?:/, '').replace(/ \[[^\]]*\]$/, '');
    fns.set(name, (fns.get(name) ?? 0) + Number(m[1].replaceAll(',', '')));
  }
  return fns;
}

const GROUPS = [
  ['garbage collection', /Scaveng|MarkCompact|Heap::|heap::|Sweeper|Marking|Evacuat|GCTracer|RememberedSet|SlotSet|MinorMC/],
  ['helper threads', /^helper threads/],
  ['V8 compiler on the event loop', /compiler::|Maglev|maglev|Turbofan|turboshaft/],
  ['JSON', /Json(Stringifier|Parser)/],
  ['JavaScript (JIT code)', /^js /],
  ['V8 builtins', /^Builtins_/],
];
const groupOf = (name) => GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other native (V8 runtime, node, libc)';

async function countOnce(label, settings, requests) {
  const outFile = path.join(dir, `${label}.callgrind`);
  const server = await startKeysmith(
    label,
    { DATABASE_URL: state.url, BENCH_UNAUTHENTICATED_SHOP_ID: state.shopId, ...redis.env, ...vgdbEnv, ...settings },
    { wrapper: ['valgrind', '--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file', '--separate-threads=yes', `--callgrind-out-file=${outFile}`], nodeArgs: ['--perf-basic-prof'] },
  );
  try {
    await serve(server.url, warmup, requests);
    control(server.pid, '-i', 'on');
    await serve(server.url, N, requests);
    control(server.pid, '-d');
  } finally {
    process.kill(server.pid, 'SIGKILL'); // no exit dump, no shutdown work counted
    await server.stop();
  }
  // One file per thread (name.callgrind.<dump>-<thread>): thread 1 is the event loop, where requests
  // are served; the others are V8's background compiler and GC helpers (and libuv's pool).
  const dumps = fs.readdirSync(dir).filter((f) => f.startsWith(`${label}.callgrind.`));
  const fns = new Map();
  for (const f of dumps) {
    const main = /-0*1$/.test(f);
    for (const [k, v] of functionsOf(path.join(dir, f), server.pid)) {
      const name = main ? k : 'helper threads (background JIT compiler, GC helpers, libuv pool)';
      fns.set(name, (fns.get(name) ?? 0) + v / N);
    }
  }
  fs.rmSync(`/tmp/perf-${server.pid}.map`, { force: true });
  return fns;
}

const results = { A: [], B: [] };
try {
  process.stdout.write(`A: ${JSON.stringify(configs.A)}${withoutKey('A') ? ' (no key)' : ''}\nB: ${JSON.stringify(configs.B)}${withoutKey('B') ? ' (no key)' : ''}\n${N} requests counted per server, ${rounds} round(s)\n`);
  for (let i = 0; i < rounds; i++) {
    for (const which of i % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
      const fns = await countOnce(`${which}${i}`, configs[which], requestsBySide[which]);
      results[which].push(fns);
      const total = (keep) => Math.round([...fns].reduce((x, [k, v]) => (keep(k) ? x + v : x), 0));
      process.stdout.write(`round ${i + 1} ${which}: ${total((k) => !k.startsWith('helper'))} instructions per request on the event loop, ${total((k) => k.startsWith('helper'))} on helper threads\n`);
    }
  }
} finally {
  killAll();
  await redis.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Median over rounds of a per-request figure. */
const med = (which, pick) => median(results[which].map(pick));
const sumWhere = (fns, keep) => [...fns].reduce((s, [k, v]) => (keep(k) ? s + v : s), 0);
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const isHelper = (k) => k.startsWith('helper threads');
const line = (label, a, b, extra = '') => `${label.padEnd(38)}${fmt(a).padStart(10)}${fmt(b).padStart(12)}${fmt(a - b).padStart(12)}${extra}\n`;
const loopA = med('A', (f) => sumWhere(f, (k) => !isHelper(k)));
const loopB = med('B', (f) => sumWhere(f, (k) => !isHelper(k)));
process.stdout.write(`\ninstructions per request (median)          A           B       A - B\n`);
process.stdout.write(line('event loop (where requests are served)', loopA, loopB, `  (A/B ${(loopA / loopB).toFixed(3)})`));
for (const [group] of [...GROUPS.slice(1), ['other native (V8 runtime, node, libc)']]) {
  const inGroup = (f) => sumWhere(f, (k) => !isHelper(k) && groupOf(k) === group);
  process.stdout.write(line(`  ${group}`, med('A', inGroup), med('B', inGroup)));
}
const helpers = (f) => sumWhere(f, isHelper);
process.stdout.write(line('helper threads (JIT compiler, GC, libuv)', med('A', helpers), med('B', helpers)));
const names = new Set([...results.A, ...results.B].flatMap((f) => [...f.keys()]));
const diffs = [...names]
  .map((k) => ({ k, a: med('A', (f) => f.get(k) ?? 0), b: med('B', (f) => f.get(k) ?? 0) }))
  .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b))
  .slice(0, Number(env.IR_TOP || 25));
process.stdout.write(`\nlargest differences by function (inlining moves work between functions from run to run)\n`);
for (const { k, a, b } of diffs) process.stdout.write(`${fmt(a - b).padStart(9)}${fmt(a).padStart(9)}${fmt(b).padStart(9)}  ${k.slice(0, 130)}\n`);
