import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';

export const NOTE_MAX_LENGTH = 500;

@InputType('SubmitOfferInput')
export class SubmitOfferInput {
  @Field(() => ID, { description: 'An item of the same shop.' })
  inventoryItemId: string;

  @Field(() => Int, { description: '> 0' })
  @Min(1, { message: 'Amount must be greater than 0.' })
  @Max(2_147_483_647)
  amountCents: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE_MAX_LENGTH, { message: `Note must be at most ${NOTE_MAX_LENGTH} characters.` })
  note?: string | null;
}
