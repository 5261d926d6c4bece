import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import type { Logger } from '../../logger';
import { createRedis, emittedWithin, quitRedis } from '../../redis';

const CHANNEL = 'keysmith:api-key-invalidated';
const PUBLISH_RETRY_MS = 2000;

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
  /** Emits 'subscribed' each time the subscription is (re)established. */
  private readonly events = new EventEmitter();

  constructor(
    redisUrl: string | undefined,
    private readonly logger: Logger,
    private readonly onRemote: (keyId: string) => void,
    private readonly onReconnect: () => void,
  ) {
    if (!redisUrl) return;
    const opts = { retryStrategy: (n: number) => Math.min(n * 200, 2000) };
    this.pub = createRedis(redisUrl, opts);
    this.sub = createRedis(redisUrl, opts);
    this.sub.on('ready', () => {
      void this.sub?.subscribe(CHANNEL).then(
        () => {
          // Invalidations may have been missed while we were away: start clean.
          if (!this.connected) this.onReconnect();
          this.connected = true;
          this.events.emit('subscribed');
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

  /** Resolves once subscribed (true at once without Redis), or false after `timeoutMs`. */
  ready(timeoutMs: number): Promise<boolean> {
    if (!this.sub || this.connected) return Promise.resolve(true);
    return emittedWithin(this.events, 'subscribed', timeoutMs);
  }

  /**
   * Retries for up to PUBLISH_RETRY_MS: the publishing connection may be reconnecting while
   * the subscribers still look healthy, and then they would honour the key for their long TTL.
   */
  async publish(keyId: string): Promise<void> {
    if (!this.pub || !this.connected) return;
    const deadline = Date.now() + PUBLISH_RETRY_MS;
    for (;;) {
      try {
        await this.pub.publish(CHANNEL, keyId);
        return;
      } catch (e) {
        if (Date.now() >= deadline) {
          this.logger.error({ err: e, keyId }, 'could not publish key invalidation; other instances rely on the cache TTL');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  async close(): Promise<void> {
    this.connected = false;
    await Promise.all([this.pub, this.sub].map((c) => c && quitRedis(c)));
  }
}
