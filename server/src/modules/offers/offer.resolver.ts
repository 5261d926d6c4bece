import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { callingKeyId, partnerShopId } from '../../graphql/caller';
import { PageArgs } from '../inventory/inventory.inputs';
import { SubmitOfferInput } from './offer.inputs';
import { Offer, OfferConnection } from './offer.type';

/** Partner surface: offers on the key's own shop. */
@Resolver()
export class OfferResolver {
  @Authorized('OFFERS_READ')
  @Query(() => OfferConnection, { description: 'Newest first. Needs OFFERS_READ.' })
  async offers(@Args() { first, after }: PageArgs, @Ctx() ctx: Context): Promise<OfferConnection> {
    return ctx.services.offers.page(await partnerShopId(ctx), first ?? 50, after);
  }

  @Authorized('OFFERS_WRITE')
  @Mutation(() => Offer, { description: 'An offer on an item of this shop; amountCents > 0. Needs OFFERS_WRITE.' })
  async submitOffer(@Arg('input', () => SubmitOfferInput) input: SubmitOfferInput, @Ctx() ctx: Context): Promise<Offer> {
    return ctx.services.offers.submit(await partnerShopId(ctx), callingKeyId(ctx), input);
  }
}
