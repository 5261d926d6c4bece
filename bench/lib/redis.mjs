// Redis for the bench and the diagnosis tools: with it, servers keep verified keys for 60 s
// (invalidations arrive over pub/sub); without it, for 500 ms, and then a key's lookup in the
// database becomes part of every measurement (100 keys at 2 reads a second each).
import { spawn, spawnSync } from 'node:child_process';
import { Redis } from './deps.mjs';
import { freePort } from './processes.mjs';

async function ping(url) {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** Redis at `url`, else a throwaway redis-server on a free port if one is installed, else null. */
export async function ensureRedis(url, log = () => {}) {
  if (await ping(url)) return { url, stop: async () => {} };
  if (spawnSync('redis-server', ['--version']).status !== 0) return null;
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const own = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await ping(own)); i++) await new Promise((r) => setTimeout(r, 100));
  log(`started redis-server on ${own}`);
  return { url: own, stop: async () => void child.kill('SIGTERM') };
}

/**
 * The servers' Redis, as in `pnpm bench`: REDIS_URL (default redis://127.0.0.1:6379, or a throwaway
 * redis-server); `REDIS_URL=` (empty) runs without. Returns the settings and a stop function.
 */
export async function diagnosisRedis() {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = url ? await ensureRedis(url) : null;
  if (url && !redis) process.stdout.write('no Redis reachable: keys are re-read from the database every 500 ms\n');
  return { env: redis ? { REDIS_URL: redis.url } : {}, stop: () => redis?.stop() };
}
