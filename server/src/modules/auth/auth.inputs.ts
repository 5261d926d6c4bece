import { ArgsType, Field } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '@keysmith/shared';
import { IsNotBlank, IsTrimmedEmail } from '../../graphql/validators';

@ArgsType()
export class SignUpArgs {
  @Field()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsTrimmedEmail()
  email: string;

  /** Length in bytes is checked by the service (bcrypt's 72-byte limit). */
  @Field()
  password: string;

  @Field()
  @IsNotBlank({ message: 'Shop name is required.' })
  @MaxLength(NAME_MAX_LENGTH, { message: `Shop name must be at most ${NAME_MAX_LENGTH} characters.` })
  shopName: string;
}

@ArgsType()
export class SignInArgs {
  @Field()
  email: string;

  @Field()
  password: string;
}
