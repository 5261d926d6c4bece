// One load run with autocannon: a fixed number of requests (so "requests served" is exact), all connections busy.
import fs from 'node:fs';
import { autocannon } from './deps.mjs';

/**
 * CPU seconds a process has used (user + system, Linux /proc; null elsewhere). Per request,
 * this is steadier than req/s on a machine shared with other work: it measures cost, not luck.
 */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null;
  }
}

export const INVENTORY_QUERY =
  'query Inventory { inventory(first: 20) { edges { cursor node { id sku title priceCents quantity } } pageInfo { hasNextPage endCursor } } }';
const body = JSON.stringify({ query: INVENTORY_QUERY, operationName: 'Inventory' });

/** Requests for autocannon: each connection cycles through the keys (none: the bench-only unauthenticated switch). */
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
export async function warmUp({ url, requests, connections, seconds }) {
  await run({ url, requests, connections, duration: seconds });
}

/**
 * `seconds` of load: a short warm-up measures the rate, then exactly rate x seconds
 * requests are sent. Returns req/s, latency percentiles and the exact counts.
 */
export async function measure({ url, requests, connections, seconds, warmupSeconds = 2, between, pid, dbPid }) {
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
