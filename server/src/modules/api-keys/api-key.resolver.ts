import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { merchantIdOf } from '../../graphql/caller';
import { Shop, toShop } from '../shops/shop.type';
import { ApiKeysArgs, CreateApiKeyInput, RegenerateApiKeyArgs, SetMaxActiveKeysArgs } from './api-key.inputs';
import { ApiKey, CreatedApiKey, KeyRotation } from './api-key.type';

/** One shop lookup per shop per request, however many keys (or log rows) point at it. */
const shopsByRequest = new WeakMap<object, Map<string, Promise<Shop>>>();

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized('MERCHANT')
  @Query(() => [ApiKey], { description: 'Every shop of the merchant when shopId is omitted. Revoked keys only with includeRevoked.' })
  apiKeys(@Args() { shopId, includeRevoked }: ApiKeysArgs, @Ctx() ctx: Context): Promise<ApiKey[]> {
    return ctx.services.apiKeys.list(merchantIdOf(ctx), shopId, includeRevoked ?? false);
  }

  @Authorized('MERCHANT')
  @Mutation(() => CreatedApiKey, { description: 'The response is the only place the full secret ever appears.' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<CreatedApiKey> {
    return ctx.services.apiKeys.create(merchantIdOf(ctx), input, ctx.ip);
  }

  @Authorized('MERCHANT')
  @Mutation(() => CreatedApiKey, {
    description:
      'Replaces the secret; same id, name, shop and scopes. gracePeriodSeconds 0: the old secret stops at once; ' +
      '1..604800: it works until rotation.previousValidUntil (an older previous secret is dropped: two slots, never three).',
  })
  async regenerateApiKey(@Args() { id, gracePeriodSeconds, expiresAt }: RegenerateApiKeyArgs, @Ctx() ctx: Context): Promise<CreatedApiKey> {
    const created = await ctx.services.keyRotation.regenerate(merchantIdOf(ctx), id, gracePeriodSeconds ?? 0, expiresAt, ctx.ip);
    ctx.services.requestLogs.forgetPreviousUse(id); // the previous slot now holds another secret
    return created;
  }

  @Authorized('MERCHANT')
  @Mutation(() => ApiKey, { description: 'The previous secret stops working now.' })
  async endRotation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    const key = await ctx.services.keyRotation.endRotation(merchantIdOf(ctx), id, ctx.ip);
    ctx.services.requestLogs.forgetPreviousUse(id);
    return key;
  }

  @Authorized('MERCHANT')
  @Mutation(() => ApiKey, { description: 'Both secrets stop working, permanently.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    return ctx.services.keyRotation.revoke(merchantIdOf(ctx), id, ctx.ip);
  }

  @Authorized('MERCHANT')
  @Mutation(() => Shop, { description: 'How many ACTIVE keys the shop may have at once: 1..25.' })
  async setMaxActiveKeys(@Args() { shopId, max }: SetMaxActiveKeysArgs, @Ctx() ctx: Context): Promise<Shop> {
    return toShop(await ctx.services.apiKeys.setMaxActiveKeys(merchantIdOf(ctx), shopId, max, ctx.ip));
  }

  /** An ApiKey object only ever reaches its owner, so its shop needs no further check. */
  @FieldResolver(() => Shop)
  shop(@Root() key: ApiKey, @Ctx() ctx: Context): Promise<Shop> {
    let shops = shopsByRequest.get(ctx.req);
    if (!shops) shopsByRequest.set(ctx.req, (shops = new Map()));
    let shop = shops.get(key.shopId);
    if (!shop) shops.set(key.shopId, (shop = ctx.services.shops.getById(key.shopId).then(toShop)));
    return shop;
  }

  /** The stored value is written at most once a minute per key; the request log knows the latest use. */
  @FieldResolver(() => Date, { nullable: true })
  lastUsedAt(@Root() key: ApiKey, @Ctx() ctx: Context): Date | null {
    return ctx.services.requestLogs.withLastUse(key).lastUsedAt;
  }

  @FieldResolver(() => KeyRotation, { nullable: true, description: 'Null when no previous secret is valid.' })
  rotation(@Root() key: ApiKey, @Ctx() ctx: Context): KeyRotation | null {
    return ctx.services.requestLogs.withLastUse(key).rotation;
  }
}
