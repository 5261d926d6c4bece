import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { partnerShopId } from '../../graphql/caller';
import { Shop, toShop } from './shop.type';

/** Partner surface: the key's own shop (or a signed-in merchant's first shop). */
@Resolver()
export class PartnerShopResolver {
  @Authorized('SHOP_READ')
  @Query(() => Shop, { description: "The key's shop. Needs SHOP_READ." })
  async shop(@Ctx() ctx: Context): Promise<Shop> {
    return toShop(await ctx.services.shops.getById(await partnerShopId(ctx)));
  }
}
