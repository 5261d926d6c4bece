import { Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@keysmith/shared';
import type { Context } from '../../graphql/context';
import { merchantIdOf } from '../../graphql/caller';
import { AuditEventConnection } from './audit.type';

@ArgsType()
class AuditEventsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @Min(1, { message: 'first must be at least 1.' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver()
export class AuditResolver {
  @Authorized('MERCHANT')
  @Query(() => AuditEventConnection, { description: "The merchant's audit trail of key and limit changes, newest first." })
  auditEvents(@Args() { first, after }: AuditEventsArgs, @Ctx() ctx: Context): Promise<AuditEventConnection> {
    return ctx.services.audit.list(merchantIdOf(ctx), first ?? 50, after);
  }
}
