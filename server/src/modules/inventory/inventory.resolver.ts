import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { partnerShopId } from '../../graphql/caller';
import { PageArgs, UpsertInventoryItemInput } from './inventory.inputs';
import { InventoryItem, InventoryItemConnection } from './inventory.type';

/** Partner surface: the shop is always the key's own (or a signed-in merchant's first shop). */
@Resolver()
export class InventoryResolver {
  @Authorized('INVENTORY_READ')
  @Query(() => InventoryItemConnection, { description: 'Ordered by SKU. Needs INVENTORY_READ.' })
  async inventory(@Args() { first, after }: PageArgs, @Ctx() ctx: Context): Promise<InventoryItemConnection> {
    return ctx.services.inventory.page(await partnerShopId(ctx), first ?? 50, after);
  }

  @Authorized('INVENTORY_WRITE')
  @Mutation(() => InventoryItem, { description: 'Creates the item, or updates the one with the same SKU. Needs INVENTORY_WRITE.' })
  async upsertInventoryItem(@Arg('input', () => UpsertInventoryItemInput) input: UpsertInventoryItemInput, @Ctx() ctx: Context): Promise<InventoryItem> {
    return ctx.services.inventory.upsert(await partnerShopId(ctx), input);
  }
}
