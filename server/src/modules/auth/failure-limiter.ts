import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Counts failed sign-ins. With Redis the count is shared by every instance
 * (an attacker cannot multiply attempts by spreading them over a load
 * balancer); if Redis is unreachable, each instance falls back to counting
 * in memory rather than letting attempts through uncounted.
 */
export function failureLimiter(redis: Redis | undefined, keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
  if (!redis) return memory;
  return new RateLimiterRedis({ storeClient: redis, keyPrefix: `keysmith:${keyPrefix}`, points, duration: durationSeconds, insuranceLimiter: memory });
}
