// Core isolation: the Keysmith (or raw) server under test gets core 0 to itself; the database
// server, the load generator and this process share the others. In production the database and
// the clients are other machines; here, sharing a core with the server thread made every extra
// microsecond they spent (a logged row's INSERT, wrk's work per request) show up as the server's
// own CPU and skewed the ratios (bench/README.md). BENCH_PIN=0 turns it off. Linux + taskset only.
import os from 'node:os';
import { spawnSync } from 'node:child_process';

const cores = os.availableParallelism();
const hasTaskset = spawnSync('taskset', ['-V']).status === 0;

/** { server: '0', rest: '1-N' }, or null when off, unsupported or on a single core. */
export const pinning = process.env.BENCH_PIN !== '0' && hasTaskset && cores >= 2 ? { server: '0', rest: cores === 2 ? '1' : `1-${cores - 1}` } : null;

function affinity(pid) {
  const r = spawnSync('taskset', ['-cp', String(pid)], { encoding: 'utf8' });
  return r.status === 0 ? /:\s*(\S+)\s*$/.exec(r.stdout)?.[1] ?? null : null;
}

/** Sets the CPU list of every thread of `pid`; threads it starts later inherit it. */
export function pin(pid, cpus) {
  const r = spawnSync('taskset', ['-a', '-cp', cpus, String(pid)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`taskset -a -cp ${cpus} ${pid} failed: ${r.stderr}`);
}

const restores = [];

/**
 * This process (and so the load generator and every child it starts: servers are moved to the
 * server core as they start) and the database server go to the rest. The database's previous
 * affinity is put back by `unpinAll` (it is a shared service).
 */
export function isolateServerCore(dbPid) {
  if (!pinning) return;
  pin(process.pid, pinning.rest);
  if (dbPid) {
    const before = affinity(dbPid);
    pin(dbPid, pinning.rest);
    if (before) restores.push(() => pin(dbPid, before));
  }
}

export function unpinAll() {
  for (const restore of restores.splice(0)) {
    try {
      restore();
    } catch {
      /* the process is gone */
    }
  }
}
