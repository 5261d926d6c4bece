import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { ApiKeyResolver } from '../modules/api-keys/api-key.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { PartnerShopResolver } from '../modules/shops/shop.resolver';
import { InventoryResolver } from '../modules/inventory/inventory.resolver';
import { OfferResolver } from '../modules/offers/offer.resolver';
import { RequestLogResolver } from '../modules/request-logs/request-log.resolver';

/** Every resolver class; one line per feature. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [AuthResolver, ApiKeyResolver, AuditResolver, PartnerShopResolver, InventoryResolver, OfferResolver, RequestLogResolver];
