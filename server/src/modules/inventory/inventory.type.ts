import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info';
import type { InventoryItemEntity } from './inventory-item.entity';

@ObjectType('InventoryItem')
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

@ObjectType('InventoryItemEdge')
export class InventoryItemEdge {
  @Field(() => InventoryItem)
  node: InventoryItem;

  @Field()
  cursor: string;
}

@ObjectType('InventoryItemConnection')
export class InventoryItemConnection {
  @Field(() => [InventoryItemEdge])
  edges: InventoryItemEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

export function toInventoryItem(e: InventoryItemEntity): InventoryItem {
  return { id: e.id, sku: e.sku, title: e.title, priceCents: e.priceCents, quantity: e.quantity };
}
