import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@keysmith/shared';
import { IsNotBlank } from '../../graphql/validators';

export const SKU_MAX_LENGTH = 64;
export const TITLE_MAX_LENGTH = 200;
/** Prices and quantities are stored as 32-bit INT on both databases. */
const INT_MAX = 2_147_483_647;

/** `first: Int = 50, after: String` for the partner connections; at most MAX_PAGE_SIZE per page. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @Min(1, { message: 'first must be at least 1.' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

@InputType('UpsertInventoryItemInput')
export class UpsertInventoryItemInput {
  @Field({ description: 'Unique per shop: an existing item with this SKU is updated.' })
  @IsNotBlank({ message: 'SKU is required.' })
  @MaxLength(SKU_MAX_LENGTH, { message: `SKU must be at most ${SKU_MAX_LENGTH} characters.` })
  sku: string;

  @Field()
  @IsNotBlank({ message: 'Title is required.' })
  @MaxLength(TITLE_MAX_LENGTH, { message: `Title must be at most ${TITLE_MAX_LENGTH} characters.` })
  title: string;

  @Field(() => Int)
  @Min(0, { message: 'Price cannot be negative.' })
  @Max(INT_MAX)
  priceCents: number;

  @Field(() => Int)
  @Min(0, { message: 'Quantity cannot be negative.' })
  @Max(INT_MAX)
  quantity: number;
}
