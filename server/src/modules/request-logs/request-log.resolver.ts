import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import type { Context } from '../../graphql/context';
import { merchantIdOf } from '../../graphql/caller';
import { badInput } from '../../graphql/errors';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { ApiKey, toApiKey } from '../api-keys/api-key.type';
import type { StoredLog } from './request-log.queries';
import { ApiRequestLog, ApiRequestLogConnection, ApiRequestLogFilter, ApiUsageBucket, UsageBucketSize } from './request-log.type';

const toLog = (r: StoredLog): ApiRequestLog => ({ ...r, id: String(r.id) });

/** One query for all the keys on a page of logs, per request (50 rows rarely name more than a few keys). */
const keyLoaders = new WeakMap<Context, Map<string, Promise<ApiKey | undefined>>>();

function loadKey(ctx: Context, merchantId: string, ids: readonly string[], id: string): Promise<ApiKey | undefined> {
  let loader = keyLoaders.get(ctx);
  if (!loader) keyLoaders.set(ctx, (loader = new Map()));
  const cached = loader.get(id);
  if (cached) return cached;
  const missing = [...new Set(ids)].filter((k) => !loader.has(k));
  const batch = ctx.services.ds
    .getRepository(ApiKeyEntity)
    .findBy({ id: In(missing), merchantId })
    .then((rows) => new Map(rows.map((e) => [e.id, toApiKey(e)])));
  for (const k of missing) loader.set(k, batch.then((m) => m.get(k)));
  return loader.get(id) as Promise<ApiKey | undefined>;
}

/** Ids on the page being resolved, so the first apiKey field loads them all at once. */
const pageKeyIds = new WeakMap<Context, string[]>();

@Resolver(() => ApiRequestLog)
export class RequestLogResolver {
  @Authorized('MERCHANT')
  @Query(() => ApiRequestLogConnection, { description: 'Newest first. Only the signed-in merchant\'s shops.' })
  async apiRequestLogs(
    @Ctx() ctx: Context,
    @Arg('filter', () => ApiRequestLogFilter, { nullable: true }) filter: ApiRequestLogFilter | null,
    // Nullable with a default, exactly as the contract has it (`first: Int = 50`).
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ApiRequestLogConnection> {
    const page = await ctx.services.requestLogs.list(merchantIdOf(ctx), filter, checkFirst(first ?? 50), after);
    pageKeyIds.set(ctx, page.edges.map((e) => e.node.apiKeyId));
    return { edges: page.edges.map((e) => ({ node: toLog(e.node), cursor: e.cursor })), pageInfo: page.pageInfo };
  }

  @Authorized('MERCHANT')
  @Query(() => [ApiUsageBucket], { description: 'Requests and errors per UTC hour or day; defaults to the last 24 hours (HOUR) or 30 days (DAY).' })
  apiUsage(
    @Ctx() ctx: Context,
    @Arg('filter', () => ApiRequestLogFilter, { nullable: true }) filter: ApiRequestLogFilter | null,
    @Arg('bucket', () => UsageBucketSize, { nullable: true, defaultValue: UsageBucketSize.HOUR }) bucket: UsageBucketSize | null,
  ): Promise<ApiUsageBucket[]> {
    return ctx.services.requestLogs.usage(merchantIdOf(ctx), filter, bucket ?? UsageBucketSize.HOUR);
  }

  @FieldResolver(() => ApiKey)
  async apiKey(@Root() log: ApiRequestLog, @Ctx() ctx: Context): Promise<ApiKey> {
    const merchantId = merchantIdOf(ctx);
    const key = await loadKey(ctx, merchantId, pageKeyIds.get(ctx) ?? [log.apiKeyId], log.apiKeyId);
    // Logs are only listed for the merchant's shops, whose keys are the merchant's: a miss is a broken invariant.
    if (!key) throw new Error(`request log ${log.id} names key ${log.apiKeyId}, which is not the caller's`);
    return ctx.services.requestLogs.withLastUse(key);
  }
}

/** 1..200: pages the indexes answer quickly whatever the table size. */
function checkFirst(first: number): number {
  if (first < 1 || first > 200) throw badInput('first', 'first must be between 1 and 200.');
  return first;
}
