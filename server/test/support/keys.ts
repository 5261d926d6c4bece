import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { API_SCOPES, generateApiKey, partialKeyOf } from '@keysmith/shared';
import { ApiKeyEntity } from '../../src/modules/api-keys/api-key.entity';
import type { KeyAuthService } from '../../src/modules/api-keys/key-auth.service';

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A spy on `auth`'s one database read (the protected KeyAuthService.readKeyRows): counts lookups, can hold them. */
export function spyOnKeyLookups(auth: KeyAuthService) {
  return jest.spyOn(auth as unknown as { readKeyRows(hash: string): Promise<unknown[]> }, 'readKeyRows');
}

/** Inserts a key row directly (for tests of the verification path itself). Returns the secret. */
export async function insertKey(
  ds: DataSource,
  shop: { shopId: string; merchantId: string },
  over: Partial<ApiKeyEntity> = {},
): Promise<{ id: string; secret: string }> {
  const secret = generateApiKey();
  const id = crypto.randomUUID();
  const now = new Date();
  await ds.getRepository(ApiKeyEntity).insert({
    id,
    shopId: shop.shopId,
    merchantId: shop.merchantId,
    name: 'test key',
    type: 'CURRENT_SHOP',
    scopes: API_SCOPES.join(','),
    hash: sha256(secret),
    partialKey: partialKeyOf(secret),
    previousHash: null,
    previousPartialKey: null,
    previousValidUntil: null,
    previousLastUsedAt: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 365 * 86400_000),
    revokedAt: null,
    lastUsedAt: null,
    ...over,
  });
  return { id, secret };
}
