import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Merchant')
export class Merchant {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;
}
