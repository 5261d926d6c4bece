import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info';
import type { InventoryItemEntity } from './inventory-item.entity';

// simpleResolvers: these plain property fields skip TypeGraphQL's per-field middleware
// chain. None of them needs auth or middleware (scopes are checked on the root field),
// and a 20-item page resolves ~150 fields on the partner hot path.
@ObjectType('InventoryItem', { simpleResolvers: true })
export class InventoryItem {
  @Field(() => ID)
  id: string;

  @Field()
  sku: string;

  @Field()
  title: string;

  @Field(() => Int)
  priceCents: number;

  @Field(() => Int)
  quantity: number;
}

@ObjectType('InventoryItemEdge', { simpleResolvers: true })
export class InventoryItemEdge {
  @Field(() => InventoryItem)
  node: InventoryItem;

  @Field()
  cursor: string;
}

@ObjectType('InventoryItemConnection', { simpleResolvers: true })
export class InventoryItemConnection {
  @Field(() => [InventoryItemEdge])
  edges: InventoryItemEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

export function toInventoryItem(e: InventoryItemEntity): InventoryItem {
  return { id: e.id, sku: e.sku, title: e.title, priceCents: e.priceCents, quantity: e.quantity };
}
