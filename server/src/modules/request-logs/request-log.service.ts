import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '@keysmith/shared';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { badInput, notFound } from '../../graphql/errors';
import type { ShopService } from '../shops/shop.service';
import { LogBuffer } from './log-buffer';
import type { EncodedBatch } from './encoded-rows';
import { LogRowQueue } from './log-row-queue';
import type { LogRow } from './log-row';
import { LastUsedTracker, type LastUse } from './last-used';
import { createRequestLogMetrics, type RequestLogMetrics } from './request-log.metrics';
import { BATCH_ROWS, logRowWriter } from './request-log.store';
import { RetentionPruner } from './retention';
import { operationInfoFromBody } from './operation-info';
import { decodeCursor, encodeCursor } from './cursor';
import { BUCKET_MS, countUsage, findLogs, type BucketSize, type LogScope, type StoredLog, type UsageCount } from './request-log.queries';

export interface LogFilter {
  apiKeyId?: string | null;
  shopId?: string | null;
  errorsOnly?: boolean | null;
  usedPreviousSecret?: boolean | null;
  from?: Date | null;
  to?: Date | null;
}

export interface LogPage {
  edges: Array<{ node: StoredLog; cursor: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A key that was recognised but refused before anything executed (expired, revoked, rotated out). */
export interface RejectedKey {
  id: string;
  shopId: string;
  usedPreviousSecret: boolean;
}

/** Zero-filled buckets are returned up to this many; beyond it only non-empty ones (a chart of 87 600 hours helps nobody). */
const MAX_FILLED_BUCKETS = 2000;
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Every key-authenticated request on record, off the request path: `record` only
 * appends to a bounded buffer. Reads are scoped to the calling merchant's shops.
 */
export class RequestLogService {
  readonly metrics: RequestLogMetrics;
  private readonly buffer: LogBuffer<LogRow, EncodedBatch>;
  private readonly lastUse: LastUsedTracker;
  private readonly pruner: RetentionPruner;

  constructor(
    private readonly ds: DataSource,
    config: Config,
    private readonly logger: Logger,
    private readonly shops: ShopService,
    write: (batch: EncodedBatch) => Promise<void> = logRowWriter(ds, logger),
  ) {
    this.metrics = createRequestLogMetrics(() => this.buffer.size);
    this.buffer = new LogBuffer<LogRow, EncodedBatch>({
      // Rows wait as numbers in typed arrays, outside the collector's work (see log-row-queue.ts).
      queue: new LogRowQueue(),
      // Indirection so tests can make the database "slow" for a while without touching it.
      write: (batch) => this.writeRows(batch),
      logger,
      maxRows: config.requestLog.bufferMaxRows,
      batchSize: BATCH_ROWS,
      intervalMs: config.requestLog.flushIntervalMs,
      onDrop: (n) => this.metrics.dropped.inc(n),
      onWritten: (n) => this.metrics.written.inc(n),
      onWriteFailure: () => this.metrics.writeFailures.inc(),
    });
    this.writeRows = write;
    this.lastUse = new LastUsedTracker(ds, logger);
    this.pruner = new RetentionPruner(ds, logger, config.logRetentionDays, config.requestLog.pruneIntervalMs);
    this.buffer.start();
    this.lastUse.start();
    this.pruner.start();
  }

  /** Replaceable batch writer (tests simulate an outage with it). */
  writeRows: (batch: EncodedBatch) => Promise<void>;

  /** Called once per key-authenticated request; never throws, never waits. */
  record(row: LogRow): void {
    this.metrics.logged.inc();
    this.buffer.push(row);
    // A refused key (401) was not "used"; a scope refusal (403) was, with a valid secret.
    if (row.httpStatus !== 401) this.lastUse.note(row.apiKeyId, row.usedPreviousSecret, row.at);
  }

  /** The 401 path in resolveCaller: known keys are logged, unknown ones only counted. */
  recordRejected(req: Request, key: RejectedKey | undefined): void {
    if (!key) {
      this.metrics.unrecognisedKeys.inc();
      return;
    }
    this.record({
      at: new Date(),
      apiKeyId: key.id,
      shopId: key.shopId,
      usedPreviousSecret: key.usedPreviousSecret,
      ...operationInfoFromBody(req.body),
      httpStatus: 401,
      errorCode: ErrorCode.UNAUTHENTICATED,
      // Refused before any work; the time spent is verification alone, not measured here.
      durationMs: 0,
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
    });
  }

  /** The latest use seen by this instance (newer than api_key.last_used_at for up to a minute). */
  lastUsed(keyId: string): LastUse | undefined {
    return this.lastUse.get(keyId);
  }

  /** The ApiKey output with the latest use seen here overlaid: the stored value lags by up to a minute. */
  withLastUse<K extends { id: string; lastUsedAt: Date | null; rotation: { previousLastUsedAt: Date | null } | null }>(key: K): K {
    const seen = this.lastUse.get(key.id);
    if (!seen) return key;
    const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
    return {
      ...key,
      lastUsedAt: later(key.lastUsedAt, seen.lastUsedAt),
      rotation: key.rotation && { ...key.rotation, previousLastUsedAt: later(key.rotation.previousLastUsedAt, seen.previousLastUsedAt) },
    };
  }

  /** A key's secrets changed (regenerate, end of rotation): its previous slot now means another secret. */
  forgetPreviousUse(keyId: string): void {
    this.lastUse.forgetPrevious(keyId);
  }

  get buffered(): number {
    return this.buffer.size;
  }

  /** Writes whatever is buffered now (tests, and anyone who must read their own writes). */
  flush(): Promise<void> {
    return this.buffer.flushNow();
  }

  pruneNow(now?: Date): Promise<number> {
    return this.pruner.runOnce(now);
  }

  async list(merchantId: string, filter: LogFilter | null | undefined, first: number, after?: string | null): Promise<LogPage> {
    const scope = await this.scopeFor(merchantId, filter ?? {});
    const cursor = after ? decodeCursor(after) : undefined;
    const rows = await findLogs(this.ds, scope, first + 1, cursor);
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ node, cursor: encodeCursor(node) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** Buckets from `from` (default: the last 24 hours, or 30 days for DAY) to `to` (default now), empty ones as zeros. */
  async usage(merchantId: string, filter: LogFilter | null | undefined, bucket: BucketSize): Promise<UsageCount[]> {
    const f = filter ?? {};
    const size = BUCKET_MS[bucket];
    const to = f.to ?? new Date();
    const from = f.from ?? new Date(to.getTime() - (bucket === 'HOUR' ? 24 : 30) * size);
    const scope = await this.scopeFor(merchantId, { ...f, from, to });
    const counts = await countUsage(this.ds, { ...scope, from, to }, bucket);
    const first = Math.floor(from.getTime() / size) * size;
    if ((to.getTime() - first) / size > MAX_FILLED_BUCKETS) return counts;
    const byStart = new Map(counts.map((c) => [c.start.getTime(), c]));
    const out: UsageCount[] = [];
    for (let t = first; t < to.getTime(); t += size) out.push(byStart.get(t) ?? { start: new Date(t), requests: 0, errors: 0 });
    return out;
  }

  /** Drains the buffer and pending lastUsedAt writes (SIGTERM, app.close). */
  async close(): Promise<void> {
    await this.pruner.stop();
    const lost = await this.buffer.drain(DRAIN_TIMEOUT_MS);
    await this.lastUse.flushAll().catch((err: unknown) => this.logger.warn({ err }, 'lastUsedAt not written at shutdown'));
    if (lost === 0) this.logger.debug('request log drained');
  }

  /** Tenancy: the merchant's own shops only; another merchant's shop or key answers NOT_FOUND, like a missing one. */
  private async scopeFor(merchantId: string, f: LogFilter): Promise<LogScope> {
    if (f.from && f.to && f.from >= f.to) throw badInput('filter.from', 'from must be before to.');
    let shopIds = (await this.shops.listForMerchant(merchantId)).map((s) => s.id);
    if (f.shopId) {
      if (!shopIds.includes(f.shopId)) throw notFound('Shop');
      shopIds = [f.shopId];
    }
    if (f.apiKeyId) {
      const rows = (await this.ds.query('SELECT shop_id FROM api_key WHERE id = ? AND merchant_id = ?', [f.apiKeyId, merchantId])) as Array<{ shop_id: string }>;
      const keyShop = rows[0]?.shop_id;
      if (keyShop === undefined) throw notFound('API key');
      shopIds = shopIds.filter((s) => s === keyShop);
    }
    return { shopIds, apiKeyId: f.apiKeyId ?? undefined, errorsOnly: f.errorsOnly ?? false,
      usedPreviousSecret: f.usedPreviousSecret ?? undefined,
      from: f.from ?? undefined, to: f.to ?? undefined };
  }
}
