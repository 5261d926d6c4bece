import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { API_SCOPES, MAX_ACTIVE_KEYS_LIMIT, MAX_GRACE_PERIOD_SECONDS, NAME_MAX_LENGTH, URL_MAX_LENGTH, type ApiScopeName } from '@keysmith/shared';
import { IsNotBlank } from '../../graphql/validators';
import { ApiKeyType, ApiScope } from './api-key.type';
import { IsFutureDate, IsHttpUrl, IsLogo } from './api-key.validators';

@InputType('NewShopInput')
export class NewShopInput {
  @Field()
  @IsNotBlank({ message: 'Shop name is required.' })
  @MaxLength(NAME_MAX_LENGTH, { message: `Shop name must be at most ${NAME_MAX_LENGTH} characters.` })
  name: string;

  @Field({ description: 'http(s) URL of the shop.' })
  @MaxLength(URL_MAX_LENGTH)
  @IsHttpUrl({ message: 'Shop URL must be an http(s) URL such as https://shop.example.com.' })
  url: string;

  @Field({ description: 'The logo as a data: URL (PNG, JPEG or WebP, up to 512 KB), or an https URL.' })
  @IsLogo()
  logo: string;
}

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field()
  @IsNotBlank({ message: 'Key name is required.' })
  @MaxLength(NAME_MAX_LENGTH, { message: `Key name must be at most ${NAME_MAX_LENGTH} characters.` })
  name: string;

  @Field(() => ApiKeyType)
  type: ApiKeyType;

  @Field(() => ID, { nullable: true, description: "CURRENT_SHOP: the shop; defaults to the merchant's first shop." })
  shopId?: string | null;

  @Field(() => NewShopInput, { nullable: true, description: 'Required when type is NEW_SHOP, rejected otherwise.' })
  @IsOptional()
  @ValidateNested()
  newShop?: NewShopInput | null;

  @Field(() => Date, { nullable: true, description: 'Default: exactly one year from now. Must be in the future.' })
  @IsOptional()
  @IsFutureDate({ message: 'Expiry date must be in the future.' })
  expiresAt?: Date | null;

  @Field(() => [ApiScope], { nullable: true, description: 'Default: every scope (full access). Never empty.' })
  @IsOptional()
  @ArrayNotEmpty({ message: 'Choose at least one scope, or omit scopes for full access.' })
  @ArrayMaxSize(API_SCOPES.length * 4)
  scopes?: ApiScopeName[] | null;
}

@ArgsType()
export class ApiKeysArgs {
  @Field(() => ID, { nullable: true, description: 'Every shop of the merchant when omitted.' })
  shopId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeRevoked?: boolean | null;
}

@ArgsType()
export class RegenerateApiKeyArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: '0: the old secret stops at once. Up to 604800 (7 days).' })
  @IsOptional()
  @Min(0, { message: 'Grace period cannot be negative.' })
  @Max(MAX_GRACE_PERIOD_SECONDS, { message: `Grace period must be at most ${MAX_GRACE_PERIOD_SECONDS} seconds (7 days).` })
  gracePeriodSeconds?: number | null;

  @Field(() => Date, { nullable: true, description: 'Default: unchanged, or one year from now if the key had expired.' })
  @IsOptional()
  @IsFutureDate({ message: 'Expiry date must be in the future.' })
  expiresAt?: Date | null;
}

@ArgsType()
export class SetMaxActiveKeysArgs {
  @Field(() => ID)
  shopId: string;

  @Field(() => Int)
  @Min(1, { message: 'A shop allows at least 1 active key.' })
  @Max(MAX_ACTIVE_KEYS_LIMIT, { message: `A shop allows at most ${MAX_ACTIVE_KEYS_LIMIT} active keys.` })
  max: number;
}
