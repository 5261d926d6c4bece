import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';
import { AuthService } from './modules/auth/auth.service';
import { ShopService } from './modules/shops/shop.service';
import { KeyAuthService } from './modules/api-keys/key-auth.service';

/** Every service, built once per server and handed to resolvers through the context. */
export function createServices(ds: DataSource, config: Config, logger: Logger) {
  const shops = new ShopService(ds);
  const auth = new AuthService(ds, config, shops);
  const keyAuth = new KeyAuthService(ds, logger, config.redisUrl, config.keyCache);
  return { ds, config, logger, shops, auth, keyAuth };
}

export type Services = ReturnType<typeof createServices>;
