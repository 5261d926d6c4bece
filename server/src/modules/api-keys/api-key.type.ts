import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { API_SCOPES, normalizeScopes, type ApiScopeName } from '@keysmith/shared';
import type { ApiKeyEntity } from './api-key.entity';

export enum ApiKeyType {
  CURRENT_SHOP = 'CURRENT_SHOP',
  NEW_SHOP = 'NEW_SHOP',
}
registerEnumType(ApiKeyType, {
  name: 'ApiKeyType',
  valuesConfig: {
    CURRENT_SHOP: { description: 'A key for a shop the merchant already has.' },
    NEW_SHOP: { description: 'Creating the key also created a new (headless) shop.' },
  },
});

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiKeyStatus, { name: 'ApiKeyStatus' });

/** The GraphQL enum is built from the one scope list in @keysmith/shared, so the two cannot drift. */
export const ApiScope = Object.fromEntries(API_SCOPES.map((s) => [s, s])) as { [K in ApiScopeName]: K };
registerEnumType(ApiScope, { name: 'ApiScope' });

@ObjectType('KeyRotation', { description: 'The previous secret, still honoured until previousValidUntil.' })
export class KeyRotation {
  @Field()
  previousPartialKey: string;

  @Field()
  previousValidUntil: Date;

  @Field(() => Date, { nullable: true, description: 'Last call made with the previous secret since the rotation began.' })
  previousLastUsedAt: Date | null;
}

/** Output type: the entity holds hashes and is never exposed. `shop` is a field resolver (api-key.resolver.ts). */
@ObjectType('ApiKey')
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ApiKeyType)
  type: ApiKeyType;

  /** Not a GraphQL field: the `shop` field resolver loads the shop from it. */
  shopId: string;

  @Field({ description: '"sk_..." + the last 6 characters of the current secret.' })
  partialKey: string;

  @Field(() => [ApiScope])
  scopes: ApiScopeName[];

  @Field(() => ApiKeyStatus)
  status: ApiKeyStatus;

  @Field()
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => KeyRotation, { nullable: true, description: 'Null when no previous secret is valid.' })
  rotation: KeyRotation | null;
}

@ObjectType('CreatedApiKey', { description: 'The only place the full key ever appears. It is never stored, logged or returned again.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field()
  secret: string;
}

/** Derived, never stored: a key past expiresAt lists as EXPIRED without anyone touching the row. */
export function statusOf(e: Pick<ApiKeyEntity, 'revokedAt' | 'expiresAt'>, now: Date): ApiKeyStatus {
  if (e.revokedAt) return ApiKeyStatus.REVOKED;
  if (e.expiresAt.getTime() <= now.getTime()) return ApiKeyStatus.EXPIRED;
  return ApiKeyStatus.ACTIVE;
}

export function toApiKey(e: ApiKeyEntity, now: Date = new Date()): ApiKey {
  const status = statusOf(e, now);
  const rotating =
    status === ApiKeyStatus.ACTIVE && e.previousHash && e.previousPartialKey && e.previousValidUntil && e.previousValidUntil.getTime() > now.getTime();
  return {
    id: e.id,
    name: e.name,
    type: e.type === ApiKeyType.NEW_SHOP ? ApiKeyType.NEW_SHOP : ApiKeyType.CURRENT_SHOP,
    shopId: e.shopId,
    partialKey: e.partialKey,
    scopes: normalizeScopes(e.scopes.split(',')),
    status,
    createdAt: e.createdAt,
    expiresAt: e.expiresAt,
    revokedAt: e.revokedAt,
    lastUsedAt: e.lastUsedAt,
    rotation: rotating
      ? { previousPartialKey: e.previousPartialKey as string, previousValidUntil: e.previousValidUntil as Date, previousLastUsedAt: e.previousLastUsedAt }
      : null,
  };
}
