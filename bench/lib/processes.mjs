// Child processes the benchmark starts: Keysmith servers (node server/dist/main.js) and the raw ceiling.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './deps.mjs';
import { pin, pinning, unpinAll } from './pinning.mjs';
import { isLoopback, mysqlUrl } from './target.mjs';

const children = new Set();

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(label, args, env, readyUrl, wrapper = []) {
  // `wrapper`: a command the server runs under (valgrind for instructions.mjs), before node itself.
  const [command, ...rest] = [...wrapper, process.execPath, ...args];
  const child = spawn(command, rest, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  children.add(child);
  if (pinning) pin(child.pid, pinning.server);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => children.delete(child));
  const handle = {
    label,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return Promise.race([
    waitFor(readyUrl).then(() => handle),
    exited.then((code) => {
      throw new Error(`${label} exited with ${code} before it was ready:\n${stderr}`);
    }),
  ]);
}

/**
 * A Keysmith server on its own port; `env` adds to a production-like base. `BENCH_SERVER_DIST`
 * in `env` runs another build's server/dist (bench:ab compares two builds with it).
 */
export async function startKeysmith(label, env, { wrapper = [], nodeArgs = [] } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const handle = await start(
    label,
    // BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', profiles the servers under load.
    [...nodeArgs, ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), path.join(env.BENCH_SERVER_DIST ?? path.join(ROOT, 'server/dist'), 'main.js')],
    { NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', DEMO_SEED: 'false', ...env },
    `${url}/healthz`,
    wrapper,
  );
  return { ...handle, url };
}

export async function startRawServer() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const handle = await start('raw node:http', [path.join(ROOT, 'bench/raw-server.mjs')], { PORT: String(port) }, url);
  return { ...handle, url };
}

/** Never leave servers behind (nor the database server pinned), whatever happens. */
export function killAll() {
  for (const c of children) c.kill('SIGKILL');
  unpinAll();
}

/**
 * mariadbd/mysqld on this machine, or null (also when BENCH_MYSQL_URL points at another machine,
 * whose database this is not): its CPU is part of a request's cost.
 */
export function databasePid() {
  if (!isLoopback(mysqlUrl)) return null;
  for (const name of ['mariadbd', 'mysqld']) {
    const r = spawnSync('pgrep', ['-xo', name], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return Number(r.stdout.trim());
  }
  return null;
}

/**
 * CPU seconds a process has used (user + system, Linux /proc; null elsewhere). Per request,
 * this is steadier than req/s on a machine shared with other work: it measures cost, not luck.
 */
export function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null;
  }
}
