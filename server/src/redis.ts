import type { EventEmitter } from 'node:events';
import Redis, { type RedisOptions } from 'ioredis';

/**
 * Every Redis client of an instance. While Redis is away, commands fail at once rather than
 * queue (callers fall back: memory limits, the short key-cache TTL) and ioredis reconnects.
 * `disconnectTimeout: 0`: ioredis's disconnect() arms a timer of that length to destroy a
 * half-closed socket, even when the socket is already gone (a client waiting to reconnect),
 * and nothing clears it (redis/ioredis#1247). With the default 2 s, an app closed while Redis
 * was unreachable left that timer holding the event loop (main.ts exits explicitly, but a
 * process embedding the app, or a test worker, waited for it); we only disconnect to let go.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, disconnectTimeout: 0, ...options });
}

/**
 * True when `emitter` emits `event` within `timeoutMs`, false when the time runs out first.
 * Not `events.once`: it gives up on the first 'error', which ioredis emits on every failed
 * attempt while it goes on reconnecting (Redis may come up within the wait).
 */
export function emittedWithin(emitter: EventEmitter, event: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onEvent = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      emitter.off(event, onEvent);
      resolve(false);
    }, timeoutMs);
    timer.unref();
    emitter.once(event, onEvent);
  });
}

/**
 * QUIT when connected; otherwise (Redis unreachable, the client reconnecting) stop the
 * reconnect loop at once: a shutdown must not wait on a Redis that is not there.
 */
export async function quitRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // lost meanwhile: fall through
    }
  }
  client.disconnect();
}
