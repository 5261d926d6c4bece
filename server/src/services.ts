import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';
import { createRedis, emittedWithin } from './redis';
import { AuthService } from './modules/auth/auth.service';
import { ShopService } from './modules/shops/shop.service';
import { KeyAuthService } from './modules/api-keys/key-auth.service';
import { RequestLogService } from './modules/request-logs/request-log.service';
import { AuditService } from './modules/audit/audit.service';
import { ApiKeyService } from './modules/api-keys/api-key.service';
import { KeyRotationService } from './modules/api-keys/key-rotation.service';
import { InventoryService } from './modules/inventory/inventory.service';
import { OfferService } from './modules/offers/offer.service';

/** Every service, built once per server and handed to resolvers through the context. */
export function createServices(ds: DataSource, config: Config, logger: Logger) {
  // Shared state across instances (sign-in rate limits); key invalidation has its own pub/sub connections.
  const redis = config.redisUrl ? createRedis(config.redisUrl) : undefined;
  redis?.on('error', () => undefined); // ioredis reconnects; limiters fall back to memory meanwhile
  const shops = new ShopService(ds);
  const auth = new AuthService(ds, config, shops, redis);
  const keyAuth = new KeyAuthService(ds, logger, config.redisUrl, config.keyCache);
  const requestLogs = new RequestLogService(ds, config, logger, shops);
  const audit = new AuditService(ds);
  const apiKeys = new ApiKeyService(ds, shops, audit);
  const keyRotation = new KeyRotationService(ds, shops, audit, keyAuth);
  const inventory = new InventoryService(ds);
  const offers = new OfferService(ds);
  return { ds, config, logger, redis, shops, auth, keyAuth, requestLogs, audit, apiKeys, keyRotation, inventory, offers };
}

export type Services = ReturnType<typeof createServices>;

/** How long a starting instance waits for Redis before it serves without it. */
const REDIS_START_WAIT_MS = 5000;

/**
 * Before an instance serves: until Redis answers, its sign-in limits would count in memory
 * alone, and a key revoked through it would not be announced to the others (which, still
 * subscribed, keep their entries for the long TTL). So wait for both connections, within a
 * bound: an unreachable Redis is said once and the instance starts degraded, as documented.
 */
export async function connectShared(services: Services, waitMs = REDIS_START_WAIT_MS): Promise<void> {
  const { redis, keyAuth, logger } = services;
  if (!redis) return;
  const commands = redis.status === 'ready' ? Promise.resolve(true) : emittedWithin(redis, 'ready', waitMs);
  const [limits, bus] = await Promise.all([commands, keyAuth.busReady(waitMs)]);
  if (!limits || !bus) {
    logger.warn({ waitedMs: waitMs }, 'Redis not reachable at start: serving with per-instance sign-in limits and the short key-cache TTL until it is');
  }
}
