import type { DataSource } from 'typeorm';
import Redis from 'ioredis';
import type { Config } from './config';
import type { Logger } from './logger';
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
  const redis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
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
