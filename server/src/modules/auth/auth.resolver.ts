import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Shop, toShop } from '../shops/shop.type';
import { SignInArgs, SignUpArgs } from './auth.inputs';
import { Merchant } from './merchant.type';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@Resolver(() => Merchant)
export class AuthResolver {
  @Query(() => Merchant, { nullable: true, description: 'Null when not signed in.' })
  async me(@Ctx() ctx: Context): Promise<Merchant | null> {
    if (ctx.caller.kind !== 'merchant') return null;
    const m = await ctx.services.auth.findMerchant(ctx.caller.merchantId);
    return m && { id: m.id, email: m.email };
  }

  @Mutation(() => Merchant)
  async signUp(@Args() { email, password, shopName }: SignUpArgs, @Ctx() ctx: Context): Promise<Merchant> {
    const s = await ctx.services.auth.signUp(email, password, shopName);
    setSessionCookie(ctx, s.sessionId, s.expiresAt);
    return { id: s.merchant.id, email: s.merchant.email };
  }

  @Mutation(() => Merchant)
  async signIn(@Args() { email, password }: SignInArgs, @Ctx() ctx: Context): Promise<Merchant> {
    const s = await ctx.services.auth.signIn(email, password, ctx.ip);
    setSessionCookie(ctx, s.sessionId, s.expiresAt);
    return { id: s.merchant.id, email: s.merchant.email };
  }

  @Mutation(() => Boolean, { description: 'Ends the session server-side; always true.' })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.caller.kind === 'merchant') await ctx.services.auth.signOut(ctx.caller.sessionIdHash);
    clearSessionCookie(ctx);
    return true;
  }

  /** A Merchant object is only ever the caller itself (me, signUp, signIn), so no further check is needed. */
  @FieldResolver(() => [Shop])
  async shops(@Root() merchant: Merchant, @Ctx() ctx: Context): Promise<Shop[]> {
    return (await ctx.services.shops.listForMerchant(merchant.id)).map(toShop);
  }
}
