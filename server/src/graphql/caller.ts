import type { Context } from './context';
import { unauthenticated } from './errors';

/**
 * The merchant behind a merchant-only operation. The authChecker has already
 * refused everyone else (@Authorized('MERCHANT')); this only narrows the type.
 */
export function merchantIdOf(ctx: Context): string {
  if (ctx.caller.kind !== 'merchant') throw unauthenticated();
  return ctx.caller.merchantId;
}

/**
 * The shop a partner-surface call acts on: the key's own shop, or a signed-in
 * merchant's first shop. Scopes were checked by the authChecker.
 */
export async function partnerShopId(ctx: Context): Promise<string> {
  const { caller } = ctx;
  if (caller.kind === 'partner') return caller.key.shopId;
  if (caller.kind === 'merchant') return (await ctx.services.shops.firstShop(caller.merchantId)).id;
  throw unauthenticated('Send an API key: Authorization: Bearer sk_...');
}

/** The key that made a partner call, for attribution (null for a signed-in merchant). */
export function callingKeyId(ctx: Context): string | null {
  return ctx.caller.kind === 'partner' ? ctx.caller.key.id : null;
}
