import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsBoolean, IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo } from '../../graphql/page-info';

/**
 * One logged request. `apiKeyId` is not a GraphQL field: the `apiKey` field
 * resolver loads the key (request-log.resolver.ts).
 */
@ObjectType('ApiRequestLog', { description: 'One key-authenticated request, including those refused with 401/403.' })
export class ApiRequestLog {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  apiKeyId: string;

  @Field(() => ID, { description: 'The shop the key belongs to.' })
  shopId: string;

  @Field({ description: 'True when the request came with the previous (rotating) secret.' })
  usedPreviousSecret: boolean;

  @Field(() => String, { nullable: true })
  operationName: string | null;

  @Field({ description: 'query | mutation; "unknown" when the document did not parse.' })
  operationType: string;

  @Field(() => [String], { description: 'The root fields the request asked for (the "endpoint").' })
  fields: string[];

  @Field(() => Int)
  httpStatus: number;

  @Field(() => String, { nullable: true, description: 'First extensions.code; null on success.' })
  errorCode: string | null;

  @Field(() => Float)
  durationMs: number;

  @Field(() => String, { nullable: true, description: 'Client address (honouring TRUST_PROXY).' })
  ip: string | null;

  @Field(() => String, { nullable: true })
  userAgent: string | null;
}

@ObjectType('ApiRequestLogEdge')
export class ApiRequestLogEdge {
  @Field(() => ApiRequestLog)
  node: ApiRequestLog;

  @Field()
  cursor: string;
}

@ObjectType('ApiRequestLogConnection')
export class ApiRequestLogConnection {
  @Field(() => [ApiRequestLogEdge])
  edges: ApiRequestLogEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType('ApiRequestLogFilter')
export class ApiRequestLogFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  apiKeyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  shopId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  errorsOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only calls made with the previous (rotating) secret: who still uses it?' })
  @IsOptional()
  @IsBoolean()
  usedPreviousSecret?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

export enum UsageBucketSize {
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(UsageBucketSize, { name: 'UsageBucketSize', description: 'UTC hours or days.' });

@ObjectType('ApiUsageBucket')
export class ApiUsageBucket {
  @Field({ description: 'Start of the UTC hour or day.' })
  start: Date;

  @Field(() => Int)
  requests: number;

  @Field(() => Int, { description: 'Requests answered with an error code or an HTTP status of 400 or more.' })
  errors: number;
}
