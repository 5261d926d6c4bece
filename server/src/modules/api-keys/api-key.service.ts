import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { API_SCOPES, defaultExpiry, generateApiKey, normalizeScopes, partialKeyOf } from '@keysmith/shared';
import { inTransaction } from '../../db/transaction';
import { badInput } from '../../graphql/errors';
import type { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit.type';
import type { ShopService } from '../shops/shop.service';
import { parseLogo } from '../shops/logo';
import { ApiKeyEntity } from './api-key.entity';
import type { CreateApiKeyInput, NewShopInput } from './api-key.inputs';
import { ApiKeyType, toApiKey, type ApiKey, type CreatedApiKey } from './api-key.type';
import { assertRoomForActiveKey, lockOwnedShop } from './key-limit';

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A fresh secret: only its hash and partial key are kept; the secret itself leaves in one response. */
export function newSecret() {
  const secret = generateApiKey();
  return { secret, hash: sha256(secret), partialKey: partialKeyOf(secret) };
}

/** Creating and listing keys. Every method takes the merchant explicitly: tenancy is visible. */
export class ApiKeyService {
  constructor(
    private readonly ds: DataSource,
    private readonly shops: ShopService,
    private readonly audit: AuditService,
  ) {}

  async create(merchantId: string, input: CreateApiKeyInput, ip: string): Promise<CreatedApiKey> {
    const now = new Date();
    if (input.type === ApiKeyType.NEW_SHOP) {
      if (!input.newShop) throw badInput('newShop', 'A new-shop key needs the shop name, logo and URL.');
      if (input.shopId) throw badInput('shopId', 'A new-shop key creates its own shop; do not pass shopId.');
    } else if (input.newShop) {
      throw badInput('newShop', 'newShop is only for NEW_SHOP keys; use shopId for an existing shop.');
    }
    const expiresAt = input.expiresAt ?? defaultExpiry(now);
    if (expiresAt.getTime() <= now.getTime()) throw badInput('expiresAt', 'Expiry date must be in the future.');
    const scopes = input.scopes ? normalizeScopes(input.scopes) : [...API_SCOPES];
    const shopId = input.type === ApiKeyType.CURRENT_SHOP ? (input.shopId ?? (await this.shops.firstShop(merchantId)).id) : null;

    const { secret, hash, partialKey } = newSecret();
    const key = await inTransaction(this.ds, async (em) => {
      const targetShopId = shopId ?? (await this.createShop(em, merchantId, input.newShop as NewShopInput));
      const { maxActiveKeys } = await lockOwnedShop(this.ds, em, merchantId, targetShopId);
      await assertRoomForActiveKey(em, targetShopId, maxActiveKeys, now);
      const entity = em.create(ApiKeyEntity, {
        id: crypto.randomUUID(),
        shopId: targetShopId,
        merchantId,
        name: input.name.trim(),
        type: input.type,
        scopes: scopes.join(','),
        hash,
        partialKey,
        previousHash: null,
        previousPartialKey: null,
        previousValidUntil: null,
        previousLastUsedAt: null,
        createdAt: now,
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
      });
      await em.insert(ApiKeyEntity, entity);
      const detail = `"${entity.name}" ${partialKey}, ${input.type}, scopes ${scopes.join(' ')}, expires ${expiresAt.toISOString()}`;
      await this.audit.record(em, { merchantId, action: AuditAction.API_KEY_CREATED, shopId: targetShopId, apiKeyId: entity.id, detail, ip }, now);
      return entity;
    });
    return { apiKey: toApiKey(key, now), secret };
  }

  /** Newest first. Revoked keys are hidden unless asked for. */
  async list(merchantId: string, shopId: string | null | undefined, includeRevoked: boolean): Promise<ApiKey[]> {
    if (shopId) await this.shops.getOwned(merchantId, shopId);
    const qb = this.ds.getRepository(ApiKeyEntity).createQueryBuilder('k').where('k.merchantId = :merchantId', { merchantId });
    if (shopId) qb.andWhere('k.shopId = :shopId', { shopId });
    if (!includeRevoked) qb.andWhere('k.revokedAt IS NULL');
    const rows = await qb.orderBy('k.createdAt', 'DESC').addOrderBy('k.id', 'DESC').getMany();
    const now = new Date();
    return rows.map((r) => toApiKey(r, now));
  }

  /** Raising or lowering the limit never touches existing keys: lowering only blocks new activations. */
  async setMaxActiveKeys(merchantId: string, shopId: string, max: number, ip: string) {
    await inTransaction(this.ds, async (em) => {
      const { maxActiveKeys } = await lockOwnedShop(this.ds, em, merchantId, shopId);
      if (maxActiveKeys === max) return;
      await em.query('UPDATE shop SET max_active_keys = ? WHERE id = ?', [max, shopId]);
      const detail = `max active keys ${maxActiveKeys} -> ${max}`;
      await this.audit.record(em, { merchantId, action: AuditAction.MAX_ACTIVE_KEYS_CHANGED, shopId, detail, ip });
    });
    return this.shops.getOwned(merchantId, shopId);
  }

  private async createShop(em: EntityManager, merchantId: string, s: NewShopInput): Promise<string> {
    const logo = parseLogo(s.logo);
    if (typeof logo === 'string') throw badInput('newShop.logo', logo);
    const shop = await this.shops.createInTransaction(em, merchantId, {
      name: s.name.trim(),
      url: new URL(s.url.trim()).toString(),
      isHeadless: true,
      ...(logo.kind === 'upload' ? { logo: { mime: logo.mime, data: logo.data } } : { logoUrl: logo.url }),
    });
    return shop.id;
  }
}
