import type { DataSource, EntityManager } from 'typeorm';
import { defaultExpiry } from '@keysmith/shared';
import { lockClause, inTransaction } from '../../db/transaction';
import { badInput, notFound } from '../../graphql/errors';
import type { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit.type';
import type { ShopService } from '../shops/shop.service';
import { ApiKeyEntity } from './api-key.entity';
import { toApiKey, type ApiKey, type CreatedApiKey } from './api-key.type';
import { newSecret } from './api-key.service';
import { assertRoomForActiveKey, lockOwnedShop } from './key-limit';

/** What the key-verification cache needs to hear after a commit. */
export interface KeyInvalidator {
  invalidateKey(keyId: string): Promise<void>;
}

/**
 * Regenerate, end of rotation, revoke. Each runs in one transaction that locks
 * the key row, records an audit event, and after the commit drops the key from
 * every verification cache so the change takes effect at once.
 */
export class KeyRotationService {
  constructor(
    private readonly ds: DataSource,
    private readonly shops: ShopService,
    private readonly audit: AuditService,
    private readonly keyAuth: KeyInvalidator,
  ) {}

  async regenerate(merchantId: string, keyId: string, graceSeconds: number, expiresAtArg: Date | null | undefined, ip: string): Promise<CreatedApiKey> {
    const shopId = await this.ownedShopIdOf(merchantId, keyId);
    const { secret, hash, partialKey } = newSecret();
    const now = new Date();
    const key = await inTransaction(this.ds, async (em) => {
      const { maxActiveKeys } = await lockOwnedShop(this.ds, em, merchantId, shopId);
      const k = await this.lockKey(em, merchantId, keyId);
      if (k.revokedAt) throw badInput('id', 'This key is revoked and cannot be regenerated. Create a new key instead.');
      const wasExpired = k.expiresAt.getTime() <= now.getTime();
      const expiresAt = expiresAtArg ?? (wasExpired ? defaultExpiry(now) : k.expiresAt);
      if (expiresAt.getTime() <= now.getTime()) throw badInput('expiresAt', 'Expiry date must be in the future.');
      // An expired key comes back to life: it must fit under the active-key limit like a new one.
      if (wasExpired) await assertRoomForActiveKey(em, shopId, maxActiveKeys, now);
      // Two slots, never three: the current secret moves to the previous slot (replacing any older
      // one). An expired key's old secret was already dead, so it is not revived for a grace period.
      const keepOld = graceSeconds > 0 && !wasExpired;
      const oldPartial = k.partialKey;
      Object.assign(k, {
        hash,
        partialKey,
        expiresAt,
        previousHash: keepOld ? k.hash : null,
        previousPartialKey: keepOld ? k.partialKey : null,
        previousValidUntil: keepOld ? new Date(now.getTime() + graceSeconds * 1000) : null,
        previousLastUsedAt: null,
      });
      await em.save(ApiKeyEntity, k);
      const detail = `"${k.name}" ${oldPartial} -> ${partialKey}, grace ${keepOld ? graceSeconds : 0}s${wasExpired ? `, renewed until ${expiresAt.toISOString()}` : ''}`;
      await this.audit.record(em, { merchantId, action: AuditAction.API_KEY_REGENERATED, shopId, apiKeyId: k.id, detail, ip }, now);
      return k;
    });
    await this.keyAuth.invalidateKey(key.id);
    return { apiKey: toApiKey(key, now), secret };
  }

  async endRotation(merchantId: string, keyId: string, ip: string): Promise<ApiKey> {
    const now = new Date();
    const key = await inTransaction(this.ds, async (em) => {
      const k = await this.lockKey(em, merchantId, keyId);
      if (!k.previousHash) return k; // nothing rotating: nothing to change or record
      const detail = `"${k.name}" previous secret ${k.previousPartialKey ?? ''} ended`;
      Object.assign(k, { previousHash: null, previousPartialKey: null, previousValidUntil: null, previousLastUsedAt: null });
      await em.save(ApiKeyEntity, k);
      await this.audit.record(em, { merchantId, action: AuditAction.API_KEY_ROTATION_ENDED, shopId: k.shopId, apiKeyId: k.id, detail, ip }, now);
      return k;
    });
    await this.keyAuth.invalidateKey(key.id);
    return toApiKey(key, now);
  }

  /** Permanent: both secrets stop at once (the verifier checks revokedAt before either slot). */
  async revoke(merchantId: string, keyId: string, ip: string): Promise<ApiKey> {
    const now = new Date();
    const key = await inTransaction(this.ds, async (em) => {
      const k = await this.lockKey(em, merchantId, keyId);
      if (k.revokedAt) return k; // already revoked: idempotent, keeps the original time
      k.revokedAt = now;
      await em.save(ApiKeyEntity, k);
      await this.audit.record(em, { merchantId, action: AuditAction.API_KEY_REVOKED, shopId: k.shopId, apiKeyId: k.id, detail: `"${k.name}" ${k.partialKey}`, ip }, now);
      return k;
    });
    await this.keyAuth.invalidateKey(key.id);
    return toApiKey(key, now);
  }

  /** Another merchant's key answers NOT_FOUND exactly like a missing one. */
  private async ownedShopIdOf(merchantId: string, keyId: string): Promise<string> {
    const k = await this.ds.getRepository(ApiKeyEntity).findOne({ where: { id: keyId, merchantId }, select: { id: true, shopId: true } });
    if (!k) throw notFound('API key');
    return k.shopId;
  }

  private async lockKey(em: EntityManager, merchantId: string, keyId: string): Promise<ApiKeyEntity> {
    const rows: unknown[] = await em.query(`SELECT id FROM api_key WHERE id = ? AND merchant_id = ?${lockClause(this.ds)}`, [keyId, merchantId]);
    if (rows.length === 0) throw notFound('API key');
    return (await em.findOneBy(ApiKeyEntity, { id: keyId, merchantId })) as ApiKeyEntity;
  }
}
