import { MerchantEntity } from '../modules/auth/merchant.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { ShopEntity } from '../modules/shops/shop.entity';
import { ApiKeyEntity } from '../modules/api-keys/api-key.entity';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { InventoryItemEntity } from '../modules/inventory/inventory-item.entity';
import { OfferEntity } from '../modules/offers/offer.entity';
import { ApiRequestLogEntity } from '../modules/request-logs/api-request-log.entity';

export const ENTITIES = [
  MerchantEntity,
  SessionEntity,
  ShopEntity,
  ApiKeyEntity,
  AuditEventEntity,
  InventoryItemEntity,
  OfferEntity,
  ApiRequestLogEntity,
];
