// Load runs: wrk when it is on PATH (BENCH_LOAD=autocannon|wrk overrides), else autocannon.
// The autocannon driver is here; wrk's is in wrk.mjs. Both return the same result shape.
import { autocannon, autocannonVersion } from './deps.mjs';
import { cpuSeconds } from './processes.mjs';
import * as wrk from './wrk.mjs';

/** The driver every run uses: { name, version, threads? }. Chosen once, so a whole bench uses one. */
export const loadDriver = (() => {
  const wanted = process.env.BENCH_LOAD || '';
  if (!['', 'autocannon', 'wrk'].includes(wanted)) throw new Error(`BENCH_LOAD must be autocannon or wrk (got ${wanted})`);
  const wrkVersion = wanted === 'autocannon' ? null : wrk.wrkVersion();
  if (wanted === 'wrk' && !wrkVersion) throw new Error('BENCH_LOAD=wrk but wrk is not on PATH');
  return wrkVersion ? { name: 'wrk', version: wrkVersion, threads: wrk.THREADS } : { name: 'autocannon', version: autocannonVersion };
})();

export const INVENTORY_QUERY =
  'query Inventory { inventory(first: 20) { edges { cursor node { id sku title priceCents quantity } } pageInfo { hasNextPage endCursor } } }';
const body = JSON.stringify({ query: INVENTORY_QUERY, operationName: 'Inventory' });

/**
 * Requests in autocannon's format (wrk.mjs formats the same objects), one per key (none: the bench-only
 * unauthenticated switch). autocannon cycles through them per connection, wrk's one thread in turn.
 */
export function inventoryRequests(keys) {
  const base = { method: 'POST', path: '/graphql', body };
  if (!keys || keys.length === 0) return [{ ...base, headers: { 'content-type': 'application/json' } }];
  return keys.map((k) => ({ ...base, headers: { 'content-type': 'application/json', authorization: `Bearer ${k}` } }));
}

export function rawRequests() {
  return [{ method: 'POST', path: '/', body, headers: { 'content-type': 'application/json' } }];
}

function run(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ pipelining: 1, timeout: 10, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('error', reject);
  });
}

/** Untimed load so the server's JIT has settled before anything is measured. */
export async function warmUp(opts) {
  if (loadDriver.name === 'wrk') return wrk.warmUp(opts);
  const { url, requests, connections, seconds } = opts;
  await run({ url, requests, connections, duration: seconds });
}

/**
 * `seconds` of load. With autocannon a short warm-up measures the rate, then exactly rate x seconds
 * requests are sent, so the counts are exact and `served` (wrk's server-side count) is not needed.
 * Returns req/s, latency percentiles and the counts.
 */
export async function measure(opts) {
  if (loadDriver.name === 'wrk') return wrk.measure(opts);
  const { url, requests, connections, seconds, warmupSeconds = 2, between, pid, dbPid } = opts;
  const warm = await run({ url, requests, connections, duration: warmupSeconds });
  await between?.();
  const amount = Math.max(connections * 20, Math.round((warm.requests.total / warmupSeconds) * seconds));
  const cpu0 = pid ? cpuSeconds(pid) : null;
  const db0 = dbPid ? cpuSeconds(dbPid) : null;
  const r = await run({ url, requests, connections, amount });
  const cpu1 = pid ? cpuSeconds(pid) : null;
  const db1 = dbPid ? cpuSeconds(dbPid) : null;
  const elapsedS = r.duration;
  const ok = r['2xx'];
  return {
    requests: r.requests.total,
    ok,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: elapsedS,
    rps: ok / elapsedS,
    p50: r.latency.p50,
    p99: r.latency.p99,
    warmupRequests: warm.requests.total,
    cpuUsPerRequest: cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * 1e6) / r.requests.total : null,
    dbCpuUsPerRequest: db0 !== null && db1 !== null ? ((db1 - db0) * 1e6) / r.requests.total : null,
  };
}
