import Redis from 'ioredis';
import type { Logger } from '../../logger';

const CHANNEL = 'keysmith:api-key-invalidated';

/**
 * Tells every instance that a key changed (regenerate, end of rotation,
 * revoke) so its cache entry is dropped at once. Without REDIS_URL, or while
 * Redis is unreachable, `healthy` is false and the cache falls back to a TTL
 * short enough to meet the documented bound.
 */
export class KeyInvalidationBus {
  private pub?: Redis;
  private sub?: Redis;
  private connected = false;

  constructor(
    redisUrl: string | undefined,
    private readonly logger: Logger,
    private readonly onRemote: (keyId: string) => void,
    private readonly onReconnect: () => void,
  ) {
    if (!redisUrl) return;
    const opts = { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
    this.pub = new Redis(redisUrl, opts);
    this.sub = new Redis(redisUrl, opts);
    this.sub.on('ready', () => {
      void this.sub?.subscribe(CHANNEL).then(
        () => {
          // Invalidations may have been missed while we were away: start clean.
          if (!this.connected) this.onReconnect();
          this.connected = true;
        },
        (e: unknown) => this.logger.warn({ err: e }, 'redis subscribe failed'),
      );
    });
    this.sub.on('close', () => {
      if (this.connected) this.logger.warn('redis connection lost: key cache falls back to its short TTL');
      this.connected = false;
    });
    this.sub.on('error', () => undefined); // reported through 'close'; ioredis reconnects by itself
    this.pub.on('error', () => undefined);
    this.sub.on('message', (_channel: string, keyId: string) => this.onRemote(keyId));
  }

  get healthy(): boolean {
    return this.connected;
  }

  async publish(keyId: string): Promise<void> {
    if (!this.pub || !this.connected) return;
    try {
      await this.pub.publish(CHANNEL, keyId);
    } catch (e) {
      this.logger.warn({ err: e }, 'could not publish key invalidation; other instances rely on the cache TTL');
    }
  }

  async close(): Promise<void> {
    this.connected = false;
    await Promise.all([this.pub?.quit().catch(() => undefined), this.sub?.quit().catch(() => undefined)]);
  }
}
