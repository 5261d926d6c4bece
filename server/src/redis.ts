import type Redis from 'ioredis';

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
