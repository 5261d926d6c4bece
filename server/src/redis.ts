import type { EventEmitter } from 'node:events';
import type Redis from 'ioredis';

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
