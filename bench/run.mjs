#!/usr/bin/env node
// Keysmith load benchmark: `pnpm bench` (builds first). See bench/README.md.
// Targets loopback only; every phase is bounded (about 20 minutes in all on 2 cores).
import { mysql } from './lib/deps.mjs';
import { databasePid, killAll, startKeysmith, startRawServer } from './lib/processes.mjs';
import { isolateServerCore, pinning, unpinAll } from './lib/pinning.mjs';
import { databaseUrl, prepareDatabase } from './lib/prepare.mjs';
import { countLogRows, dropDatabase, ensureMaxConnections } from './lib/seed.mjs';
import { inventoryRequests, loadDriver, measure, rawRequests, warmUp } from './lib/load.mjs';
import { alternating, loggingOnOff, servedCount } from './lib/interleave.mjs';
import { revocationDelays } from './lib/revocation.mjs';
import { perProcessMedian, percentile } from './lib/stats.mjs';
import { ensureRedis } from './lib/redis.mjs';
import { machine, ratioTable, table, writeJson } from './lib/report.mjs';
import { checkTarget, isLoopback, mysqlUrl } from './lib/target.mjs';

const env = process.env;
const cfg = {
  mysqlUrl,
  redisUrl: env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
  seconds: Number(env.BENCH_SECONDS || 2),
  rounds: Number(env.BENCH_ROUNDS || 10),
  connections: Number(env.BENCH_CONNECTIONS || 50),
  smallKeys: 1000,
  bigKeys: Number(env.BENCH_BIG_KEYS || 1_000_000),
  /** Distinct keys the load cycles through (each connection uses all of them in turn). */
  usableKeys: 100,
  revocationTrials: Number(env.BENCH_REVOCATION_TRIALS || 40),
  /** The side-by-side cross-check (sideBySide): rounds and seconds per round. */
  sideRounds: Number(env.BENCH_SIDE_ROUNDS || 10),
  sideSeconds: Number(env.BENCH_SIDE_SECONDS || 3),
  /** Each ratio target but the raw ceiling in alternating 1 s windows (windowed(), lib/interleave.mjs; wrk only). */
  interleaveWindows: Number(env.BENCH_INTERLEAVE_WINDOWS || 40),
  /** wrk if installed, else autocannon; BENCH_LOAD=autocannon|wrk chooses (lib/load.mjs). */
  load: loadDriver,
  /** CPU lists: the server under test alone on `server`, database + load generator + bench on `rest` (BENCH_PIN=0: none). */
  pinning,
};
const DB_SMALL = 'keysmith_bench_1k';
const DB_BIG = 'keysmith_bench_1m';
/**
 * Processes per Keysmith configuration, used in turn (see `onProcess`). With two, each process
 * always sees the pairs in the same order (reversed every other round), which the per-process
 * medians balance. Four (BENCH_PROCESSES=4) was tried once (bench/README.md): no better, on a noisy host.
 */
const PROCESSES = Number(env.BENCH_PROCESSES || 2);

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

const dbUrl = (name) => databaseUrl(cfg.mysqlUrl, name);

/** Migrates a fresh database through a real server start, signs a merchant up, seeds items and keys. */
async function prepare(dbName, totalKeys) {
  const t0 = Date.now();
  const prepared = await prepareDatabase(cfg.mysqlUrl, dbName, { totalKeys, usableKeys: cfg.usableKeys });
  log(`${dbName}: ${totalKeys} keys seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return prepared;
}

/** Log rows stop changing (the buffer flushes every 250 ms): then they can be counted. */
async function settledLogCount(pool, expected) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await countLogRows(pool);
    if ((expected !== undefined && n >= expected) || (expected === undefined && n === last)) return n;
    last = n;
    await new Promise((r) => setTimeout(r, 400));
  }
  return countLogRows(pool);
}

/** One measured run of a scenario on process `proc` of its configuration, with its log rows counted when the server logs. */
async function measureScenario(scenario, dbPid, proc) {
  const s = onProcess(scenario, proc);
  let before;
  const result = await measure({
    url: s.url,
    requests: s.requests,
    connections: cfg.connections,
    seconds: cfg.seconds,
    // Untimed first: a server idle for the rest of the round (the 1M one, ~30 s) was 10-15 % slower
    // in its next seconds of load, which the measured run must not see. autocannon's warm-up also
    // sets the request count of its measured run.
    warmupSeconds: 1,
    pid: s.pid,
    dbPid: s.id === 'raw' ? undefined : dbPid,
    // Earlier rows (some cut off mid-flight) are flushed and counted before the measured run.
    between: s.pool ? async () => (before = await settledLogCount(s.pool)) : undefined,
    served: s.served,
  });
  // Under wrk, requests in flight when it stopped were served and logged but not counted by wrk.
  if (s.pool) result.logRows = (await settledLogCount(s.pool, before + (result.served ?? result.ok))) - before;
  return result;
}

/**
 * A scenario as run on process `proc` of its configuration. Every Keysmith configuration runs as
 * PROCESSES processes, used in turn round by round: processes of one build, same settings,
 * differ by a few per cent for their whole life (bench/README.md), which no number of rounds on
 * one process averages away, and which would otherwise decide a pair of two configurations.
 */
function onProcess(scenario, proc) {
  const p = scenario.processes ? scenario.processes[proc % scenario.processes.length] : scenario;
  return { ...scenario, url: p.url, pid: p.pid, served: p.served };
}

/**
 * What a request costs the machine, as the inverse ratio of server + database CPU per request
 * (the raw server has no database): cost, not luck, so a cross-check of the throughput ratio.
 */
function costRatio(num, den) {
  const cost = (r) => (r.cpuUsPerRequest === null ? null : r.cpuUsPerRequest + (r.dbCpuUsPerRequest ?? 0));
  return cost(num) && cost(den) ? cost(den) / cost(num) : null;
}

/** The targets that are ratios of two scenarios: [numerator, denominator, name, goal]. */
const PAIRS = [
  ['authOff', 'unauthOff', 'authenticated / unauthenticated (logging off)', 0.97],
  ['authOn', 'unauthOn', 'authenticated / unauthenticated (logging on)', 0.97],
  ['authOn', 'raw', 'full stack / raw node:http', 0.08],
  ['authOn', 'authOff', 'logging on / off (authenticated)', 0.97],
  ['authOnBig', 'authOn', '1M keys / 1k keys', 0.95],
];

/**
 * The pairs measured again side by side: two servers at once on the server core, each under half
 * the connections. The scheduler gives each process an equal share of the core, so their req/s
 * ratio is their cost ratio, and the host's slowdowns (which move a single 2 s run by 10 % and
 * more here) hit both alike. A cross-check, not the targets: the database is shared, so its extra
 * work for logging weighs on both sides of the logging pair.
 * Auth / unauth are two loads on one server, which would share its queue rather than its cost:
 * side by side, they run on two of the configuration's processes (twins: same settings, same
 * database), the next two each round. [numerator, denominator, name, twins]
 */
const SIDE_BY_SIDE = [
  ['authOn', 'authOff', 'logging on / off (authenticated)'],
  ['authOnBig', 'authOn', '1M keys / 1k keys'],
  ['authOff', 'unauthOff', 'authenticated / unauthenticated (logging off)', true],
  ['authOn', 'unauthOn', 'authenticated / unauthenticated (logging on)', true],
];

async function sideBySide(byId) {
  const result = {};
  for (const [num, den, name, twin] of SIDE_BY_SIDE) {
    const rounds = [];
    for (let round = 1; round <= cfg.sideRounds; round++) {
      log(`side by side ${round}/${cfg.sideRounds}: ${name}`);
      const run = (s) => measure({ url: s.url, requests: s.requests, connections: Math.ceil(cfg.connections / 2), seconds: cfg.sideSeconds, warmupSeconds: 1, pid: s.pid });
      // Different configurations: each round on the next processes. One configuration's two loads:
      // on two of its processes, each round the next two (the numerator's process decides the group).
      const [pa, pb] = twin ? [round, round + 1] : [round, round];
      const [ra, rb] = await Promise.all([run(onProcess(byId[num], pa)), run(onProcess(byId[den], pb))]);
      rounds.push({ rps: ra.rps / rb.rps, cost: ra.cpuUsPerRequest && rb.cpuUsPerRequest ? rb.cpuUsPerRequest / ra.cpuUsPerRequest : null });
    }
    const rps = rounds.map((r) => r.rps);
    const costs = rounds.map((r) => r.cost);
    // Round by round on the configuration's processes in turn (with a twin: which process had which
    // load): each process's median, so a difference between processes divides out.
    result[name] = {
      rps: perProcessMedian(rps, PROCESSES),
      cost: costs.every((c) => c !== null) ? perProcessMedian(costs, PROCESSES) : null,
      spread: `${Math.min(...rps).toFixed(3)}..${Math.max(...rps).toFixed(3)}`,
      rounds,
    };
  }
  return result;
}

/** Puts MariaDB's max_connections back (set in main; also on failure). */
let restoreMaxConnections = async () => {};

async function main() {
  const remoteDb = checkTarget('BENCH_MYSQL_URL', cfg.mysqlUrl);
  checkTarget('BENCH_REDIS_URL', cfg.redisUrl);
  if (remoteDb) log(`database on another machine (${new URL(cfg.mysqlUrl).hostname}): its CPU is not measured, and it is not pinned`);
  const started = new Date();
  // The database server's CPU is part of a request's cost (logging mostly costs there); null if not local.
  const dbPid = databasePid();
  isolateServerCore(dbPid);
  const redis = await ensureRedis(cfg.redisUrl, log);
  if (!redis) log('no Redis reachable and no redis-server installed: Redis scenarios are skipped');
  const redisEnv = redis ? { REDIS_URL: redis.url } : {};

  log('preparing databases (1k and 1M keys)');
  // The big one first: InnoDB's background work after the bulk load then overlaps the small one's setup.
  const big = await prepare(DB_BIG, cfg.bigKeys);
  const small = await prepare(DB_SMALL, cfg.smallKeys);

  const serverEnv = (db, shop, logging) => ({ DATABASE_URL: dbUrl(db), BENCH_UNAUTHENTICATED_SHOP_ID: shop.shopId, REQUEST_LOGGING: String(logging), ...redisEnv });
  const processes = async (label, env) => {
    const list = [];
    for (let i = 1; i <= PROCESSES; i++) list.push(await startKeysmith(`${label}, process ${i}`, env));
    return list;
  };
  // Every process's pool (20) open at once, plus the bench's own connections (the revocation
  // instances start after most servers stop). MariaDB's default of 151 holds two processes a configuration.
  restoreMaxConnections = await ensureMaxConnections(cfg.mysqlUrl, 3 * PROCESSES * 20 + 30);
  const servers = {
    off: await processes('logging off, 1k keys', serverEnv(DB_SMALL, small, false)),
    // SIGUSR2 flips their logging (benchmark only) for the in-process measure of logging's cost.
    on: await processes('logging on, 1k keys', { ...serverEnv(DB_SMALL, small, true), BENCH_LOGGING_SIGNAL: 'true' }),
    big: await processes('logging on, 1M keys', serverEnv(DB_BIG, big, true)),
  };
  const raw = await startRawServer();
  const pools = { small: mysql.createPool({ uri: dbUrl(DB_SMALL), connectionLimit: 1 }), big: mysql.createPool({ uri: dbUrl(DB_BIG), connectionLimit: 1 }) };

  // Every scenario runs once per round; a ratio is the median of its per-round pairs (per process, combined).
  // served: wrk stops on time, not on a count; the server's own count of answered requests is the exact one.
  const keysmith = (procs, keys, pool) => ({
    processes: procs.map((p) => ({ url: p.url, pid: p.pid, served: () => servedCount(p.url) })),
    requests: inventoryRequests(keys),
    pool,
  });
  const scenarios = [
    { id: 'raw', label: 'raw node:http ceiling', url: raw.url, pid: raw.pid, requests: rawRequests() },
    { id: 'unauthOff', label: 'partner query, unauthenticated, logging off', ...keysmith(servers.off, null) },
    { id: 'authOff', label: 'partner query, authenticated, logging off', ...keysmith(servers.off, small.keys) },
    { id: 'authOn', label: 'full stack: authenticated + logging, 1k keys', ...keysmith(servers.on, small.keys, pools.small) },
    { id: 'unauthOn', label: 'partner query, unauthenticated, logging on', ...keysmith(servers.on, null, pools.small) },
    { id: 'authOnBig', label: 'full stack: authenticated + logging, 1M keys', ...keysmith(servers.big, big.keys, pools.big) },
  ];
  const runs = Object.fromEntries(scenarios.map((s) => [s.id, []]));

  log('warming up every server (JIT)');
  for (const s of scenarios) {
    for (let proc = 0; proc < (s.processes?.length ?? 1); proc++) await warmUp({ url: onProcess(s, proc).url, requests: s.requests, connections: cfg.connections, seconds: 3 });
  }

  // Each ratio is measured as its own pair, back to back, every round: bursts of other work on a
  // shared machine last seconds, so two runs seconds apart share them and the pair's ratio is spared.
  // Every other round reverses the pairs and the order within each pair.
  const byId = Object.fromEntries(scenarios.map((s) => [s.id, s]));
  const pairRuns = PAIRS.map(() => []);
  const pairCosts = PAIRS.map(() => []);
  for (let round = 1; round <= cfg.rounds; round++) {
    const order = PAIRS.map((p, i) => [p, i]);
    for (const [[num, den], i] of round % 2 ? order : order.reverse()) {
      const pair = {};
      for (const id of round % 2 ? [num, den] : [den, num]) {
        log(`round ${round}/${cfg.rounds}: ${byId[id].label}`);
        pair[id] = await measureScenario(byId[id], dbPid, round);
        runs[id].push(pair[id]);
      }
      pairRuns[i].push(pair[num].rps / pair[den].rps);
      pairCosts[i].push(costRatio(pair[num], pair[den]));
    }
  }
  await raw.stop();
  const windows = cfg.load.name === 'wrk' && cfg.interleaveWindows >= 2 ? await windowed(byId, servers, dbPid ?? undefined) : {};
  const sideBySideRatios = cfg.sideRounds > 0 ? await sideBySide(byId) : {};

  const metrics = {};
  for (const [name, procs] of Object.entries(servers)) {
    for (const [i, srv] of procs.entries()) {
      const text = await (await fetch(`${srv.url}/metrics`)).text();
      metrics[`${name} ${i + 1}`] = Object.fromEntries([...text.matchAll(/^(keysmith_\w+) (\d+(?:\.\d+)?)$/gm)].map((m) => [m[1], Number(m[2])]));
    }
  }
  await Promise.all([...servers.off, ...servers.big, ...servers.on.slice(1)].map((srv) => srv.stop()));

  const revocation = {};
  if (redis) {
    log(`revocation seen by a second instance, with Redis (${cfg.revocationTrials} trials)`);
    const second = await startKeysmith('second instance, Redis', serverEnv(DB_SMALL, small, true));
    revocation.redis = await revocationDelays({ a: servers.on[0].url, b: second.url, cookie: small.cookie, trials: cfg.revocationTrials, timeoutMs: 5000 });
    await second.stop();
  }
  await servers.on[0].stop();
  log('revocation seen by a second instance, without Redis (10 trials)');
  {
    const noRedis = (label) => startKeysmith(label, { DATABASE_URL: dbUrl(DB_SMALL), REQUEST_LOGGING: 'true' });
    const [a, b] = [await noRedis('instance A, no Redis'), await noRedis('instance B, no Redis')];
    revocation.noRedis = await revocationDelays({ a: a.url, b: b.url, cookie: small.cookie, trials: 10, timeoutMs: 5000 });
    await Promise.all([a.stop(), b.stop()]);
  }

  await Promise.all([pools.small.end(), pools.big.end()]);
  await restoreMaxConnections();
  if (!env.BENCH_KEEP_DB) await Promise.all([dropDatabase(cfg.mysqlUrl, DB_SMALL), dropDatabase(cfg.mysqlUrl, DB_BIG)]);
  await redis?.stop();
  unpinAll();

  report({ started, runs, pairRuns, pairCosts, sideBySideRatios, windows, scenarios, revocation, metrics });
}

function aggregate(label, list) {
  const sum = (f) => list.reduce((a, r) => a + f(r), 0);
  const logged = list.every((r) => r.logRows !== undefined);
  return {
    label,
    rps: sum((r) => r.ok) / sum((r) => r.seconds),
    p50: sum((r) => r.p50) / list.length,
    p99: Math.max(...list.map((r) => r.p99)),
    ok: sum((r) => r.ok),
    failed: sum((r) => r.non2xx + r.errors + r.timeouts),
    logRows: logged ? sum((r) => r.logRows) : undefined,
    served: list.every((r) => r.served !== undefined) ? sum((r) => r.served) : undefined,
    cpuUsPerRequest: list.every((r) => r.cpuUsPerRequest !== null) ? sum((r) => r.cpuUsPerRequest * r.requests) / sum((r) => r.requests) : null,
    dbCpuUsPerRequest: list.every((r) => r.dbCpuUsPerRequest !== null) ? sum((r) => r.dbCpuUsPerRequest * r.requests) / sum((r) => r.requests) : null,
    rounds: list,
  };
}

/**
 * The ratio targets again, in alternating windows of 1 s (lib/interleave.mjs): the targets'
 * figures when wrk is there. The rounds' pairs are runs of 2 s seconds apart, and this host's
 * bursts of other work last seconds; windows side by side mostly share them. Logging on / off
 * within each logging process (SIGUSR2): the pairs compare two processes, whose lifelong
 * difference of a few per cent (bench/README.md) is as large as logging's cost. Auth / unauth:
 * the two loads in turn on each process of the configuration. 1M / 1k: the two servers in turn,
 * process i of each. Keyed `num/den` as in PAIRS; the raw ceiling (no request counter) stays in pairs.
 */
async function windowed(byId, servers, dbPid) {
  const opts = { dbPid, windows: cfg.interleaveWindows };
  const mode = (id, i) => {
    const p = onProcess(byId[id], i);
    return { name: id, url: p.url, pid: p.pid, requests: byId[id].requests };
  };
  const inTurn = (num, den) => {
    log(`${num} / ${den} in alternating windows (${cfg.interleaveWindows} of 1 s on each of ${PROCESSES} processes)`);
    return alternating(Array.from({ length: PROCESSES }, (_, i) => [mode(num, i), mode(den, i)]), opts);
  };
  log(`logging on / off within each logging process (${cfg.interleaveWindows} windows of 1 s each)`);
  // `how`: after the target's name in the report.
  return {
    'authOn/authOff': { how: 'within each process', ...(await loggingOnOff(servers.on, { requests: byId.authOn.requests, ...opts })) },
    'authOff/unauthOff': { how: 'in turn on each process', ...(await inTurn('authOff', 'unauthOff')) },
    'authOn/unauthOn': { how: 'in turn on each process', ...(await inTurn('authOn', 'unauthOn')) },
    'authOnBig/authOn': { how: 'in turn, process by process', ...(await inTurn('authOnBig', 'authOn')) },
  };
}

function report({ started, runs, pairRuns, pairCosts, sideBySideRatios, windows, scenarios, revocation, metrics }) {
  const agg = {};
  for (const s of scenarios) agg[s.id] = aggregate(s.label, runs[s.id]);
  const loggedRuns = ['unauthOn', 'authOn', 'authOnBig'].map((id) => agg[id]);
  // Under wrk the rows are compared with the server's count of answered requests, and wrk's 2xx must
  // lie within the connections still waiting for an answer when it stopped, every round.
  const byServer = loggedRuns.every((a) => a.served !== undefined);
  const wrkWithinServed = Object.values(runs)
    .flat()
    .every((r) => r.served === undefined || (r.ok <= r.served && r.ok >= r.served - cfg.connections));
  const logExact = byServer ? wrkWithinServed && loggedRuns.every((a) => a.logRows === a.served) : loggedRuns.every((a) => a.logRows === a.ok);
  const p99 = (d) => (d ? percentile(d, 99) : null);
  // Median over rounds of each pair's ratio (measured back to back): a burst of other work on a
  // shared machine spoils one pair, not the ratio. Taken per process and combined, so both
  // processes of each configuration weigh the same (stats.mjs, perProcessMedian).
  const ratios = [
    ...PAIRS.map(([num, den, name, goal], i) => {
      const rounds = pairRuns[i];
      const w = windows[`${num}/${den}`];
      if (w) {
        const all = w.processes.flatMap((p) => p.rpsRatios);
        const perProcess = w.processes.map((p) => p.rps.toFixed(3)).join(', ');
        return { name: `${name}, windows ${w.how} (${perProcess})`, value: w.rps, goal, spread: `${Math.min(...all).toFixed(3)}..${Math.max(...all).toFixed(3)}`, rounds: all };
      }
      return { name, value: perProcessMedian(rounds, PROCESSES), goal, spread: `${Math.min(...rounds).toFixed(3)}..${Math.max(...rounds).toFixed(3)}`, rounds };
    }),
    byServer
      ? {
          name: 'log rows written == requests served (server count; wrk 2xx)',
          value: logExact ? 1 : 0,
          display: loggedRuns.map((a) => `${a.logRows}/${a.served} (${a.ok})`).join(', '),
          goalDisplay: `equal; wrk within ${cfg.connections} below`,
          goal: 1,
        }
      : { name: 'log rows written == requests served', value: logExact ? 1 : 0, display: loggedRuns.map((a) => `${a.logRows}/${a.ok}`).join(', '), goalDisplay: 'equal', goal: 1 },
    ...(revocation.redis
      ? [{ name: 'revocation seen by 2nd instance, Redis (p99 ms)', value: p99(revocation.redis), display: p99(revocation.redis).toFixed(1), goalDisplay: '<= 50', lowerIsBetter: 50 }]
      : []),
    { name: 'revocation seen by 2nd instance, no Redis (max ms)', value: Math.max(...revocation.noRedis), display: Math.max(...revocation.noRedis).toFixed(1), goalDisplay: '<= 1000', lowerIsBetter: 1000 },
  ].map((r) => ({ ...r, met: r.lowerIsBetter !== undefined ? r.value <= r.lowerIsBetter : r.value >= r.goal }));

  // The same pairs' cost ratios (median over rounds, per process, combined). Not the targets.
  const cpuRatios = Object.fromEntries(PAIRS.map(([, , name], i) => [name, pairCosts[i].every((c) => c !== null) ? perProcessMedian(pairCosts[i], PROCESSES) : null]));
  const failures = Object.values(agg).reduce((a, x) => a + x.failed, 0);
  const out = [
    '',
    `Keysmith bench, ${started.toISOString()}; load by ${cfg.load.name} ${cfg.load.version}${cfg.load.threads ? ` (${cfg.load.threads} thread)` : ''}; ${cfg.pinning ? `server under test on CPU ${cfg.pinning.server}, ${isLoopback(cfg.mysqlUrl) ? 'database and load' : 'load'} on CPU ${cfg.pinning.rest}` : 'no CPU pinning'}${isLoopback(cfg.mysqlUrl) ? '' : `; database at ${new URL(cfg.mysqlUrl).hostname} (another machine)`}; ${cfg.connections} connections, ${cfg.rounds} x ${cfg.seconds} s per scenario, ${PROCESSES} processes per configuration`,
    '',
    table(Object.values(agg)),
    '',
    ratioTable(ratios),
    '',
    'Cross-check from server + database CPU per request (inverse cost ratio of each pair, per-process medians combined; not the targets):',
    ...Object.entries(cpuRatios).map(([k, v]) => `  ${k}: ${v === null ? '-' : v.toFixed(3)}`),
    ...(Object.keys(windows).length
      ? [
          '',
          `The windowed targets measured two ways: the target (${cfg.interleaveWindows} alternating windows of 1 s per process, median of neighbouring windows per process, combined; inverse CPU per request), then the rounds' pairs (runs of ${cfg.seconds} s, per-process medians combined):`,
          ...PAIRS.flatMap(([num, den, name], i) => {
            const w = windows[`${num}/${den}`];
            if (!w) return [];
            // Each side's windows over all processes: how busy the server core was (lib/interleave.mjs, summary).
            const busy = (side) => w.processes.reduce((a, p) => a + p.sides[side].busyPercent, 0) / w.processes.length;
            return [`  ${name}: ${w.rps.toFixed(3)} (CPU ${w.cpu.toFixed(3)}; server core busy ${busy(0).toFixed(1)} / ${busy(1).toFixed(1)} %); pairs ${perProcessMedian(pairRuns[i], PROCESSES).toFixed(3)}`];
          }),
        ]
      : []),
    ...(Object.keys(sideBySideRatios).length
      ? [
          '',
          `Side by side (two servers at once on the server core, ${cfg.sideRounds} x ${cfg.sideSeconds} s; req/s ratio, geometric mean of the processes' medians, and range, then inverse CPU per request; not the targets):`,
          ...Object.entries(sideBySideRatios).map(([k, v]) => `  ${k}: ${v.rps.toFixed(3)} (${v.spread}), CPU ${v.cost === null ? '-' : v.cost.toFixed(3)}`),
        ]
      : []),
    '',
    failures ? `WARNING: ${failures} non-2xx responses, errors or timeouts (see the JSON)` : 'Every response was a 2xx.',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  const file = writeJson({ started, config: { ...cfg, processes: PROCESSES }, machine: machine(), scenarios: agg, ratios, cpuRatios, sideBySide: sideBySideRatios, windows, revocationMs: revocation, metrics });
  process.stdout.write(`\nJSON: ${file}\n`);
}

process.on('SIGINT', () => {
  killAll();
  process.exit(130);
});
main().catch(async (e) => {
  process.stderr.write(`bench failed: ${e.stack ?? e}\n`);
  killAll();
  await restoreMaxConnections().catch(() => undefined);
  process.exit(1);
});
