import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info';
import { InventoryItem } from '../inventory/inventory.type';

@ObjectType('Offer')
export class Offer {
  @Field(() => ID)
  id: string;

  @Field(() => InventoryItem)
  item: InventoryItem;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('OfferEdge', { simpleResolvers: true })
export class OfferEdge {
  @Field(() => Offer)
  node: Offer;

  @Field()
  cursor: string;
}

@ObjectType('OfferConnection', { simpleResolvers: true })
export class OfferConnection {
  @Field(() => [OfferEdge])
  edges: OfferEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
