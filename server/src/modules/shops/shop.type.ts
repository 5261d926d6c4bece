import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ShopEntity } from './shop.entity';

@ObjectType('Shop')
export class Shop {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL, or /logos/:id for an uploaded logo.' })
  logoUrl: string | null;

  @Field({ description: 'Created through a NEW_SHOP key.' })
  isHeadless: boolean;

  @Field(() => Int, { description: 'ACTIVE keys allowed at once; 1 unless the owner raised it.' })
  maxActiveKeys: number;

  @Field()
  createdAt: Date;
}

export function toShop(e: ShopEntity): Shop {
  return {
    id: e.id,
    name: e.name,
    url: e.url,
    logoUrl: e.logoMime ? `/logos/${e.id}` : e.logoUrl,
    isHeadless: e.isHeadless,
    maxActiveKeys: e.maxActiveKeys,
    createdAt: e.createdAt,
  };
}
