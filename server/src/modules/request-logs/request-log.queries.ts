import type { DataSource } from 'typeorm';
import { fromDbDate, sqlDate } from '../../db/columns';
import { dialectOf } from '../../db/data-source';
import type { LogCursor } from './cursor';
import type { LogRow } from './log-row';

/** Which rows, after tenancy has been resolved to concrete shop ids. */
export interface LogScope {
  shopIds: readonly string[];
  apiKeyId?: string;
  errorsOnly?: boolean;
  usedPreviousSecret?: boolean;
  from?: Date;
  to?: Date;
}

/** A row as read back: the buffered shape plus its id. */
export interface StoredLog extends Omit<LogRow, 'fields'> {
  id: number;
  fields: string[];
}

const ERROR_CONDITION = '(error_code IS NOT NULL OR http_status >= 400)';
/** Above this many shops one IN query beats one indexed query per shop. */
const MAX_PER_SHOP_QUERIES = 20;

function conditions(scope: LogScope, cursor?: LogCursor): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope.apiKeyId) {
    where.push('api_key_id = ?');
    params.push(scope.apiKeyId);
  }
  if (scope.errorsOnly) where.push(ERROR_CONDITION);
  if (scope.usedPreviousSecret !== undefined) {
    where.push('used_previous_secret = ?');
    params.push(scope.usedPreviousSecret ? 1 : 0);
  }
  if (scope.from) {
    where.push('at >= ?');
    params.push(sqlDate(scope.from));
  }
  if (scope.to) {
    where.push('at < ?');
    params.push(sqlDate(scope.to));
  }
  if (cursor) {
    // The leading `at <=` gives both optimizers a range on the index; the OR breaks ties by id.
    where.push('at <= ? AND (at < ? OR id < ?)');
    const at = sqlDate(cursor.at);
    params.push(at, at, cursor.id);
  }
  return { where, params };
}

function toLog(r: Record<string, unknown>): StoredLog {
  return {
    id: Number(r.id),
    at: fromDbDate(r.at) as Date,
    apiKeyId: String(r.api_key_id),
    shopId: String(r.shop_id),
    usedPreviousSecret: Boolean(Number(r.used_previous_secret)),
    operationName: (r.operation_name as string | null) ?? null,
    operationType: String(r.operation_type),
    fields: String(r.fields ?? '')
      .split(',')
      .filter(Boolean),
    httpStatus: Number(r.http_status),
    errorCode: (r.error_code as string | null) ?? null,
    durationMs: Number(r.duration_ms),
    ip: (r.ip as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
  };
}

const byNewest = (a: StoredLog, b: StoredLog) => b.at.getTime() - a.at.getTime() || b.id - a.id;

/**
 * Newest first, `limit` rows after `cursor`. Each query walks one of the
 * (api_key_id, at) / (shop_id, at) indexes backwards and stops at `limit`, so
 * a page costs the same on a table of a thousand rows or a hundred million;
 * several shops are queried one by one and merged rather than sorted together.
 */
export async function findLogs(ds: DataSource, scope: LogScope, limit: number, cursor?: LogCursor): Promise<StoredLog[]> {
  if (scope.shopIds.length === 0) return [];
  const { where, params } = conditions(scope, cursor);
  const cols = 'id, at, api_key_id, shop_id, used_previous_secret, operation_name, operation_type, `fields`, http_status, error_code, duration_ms, ip, user_agent';
  const run = async (shopWhere: string, shopParams: unknown[]) => {
    const sql = `SELECT ${cols} FROM api_request_log WHERE ${[shopWhere, ...where].join(' AND ')} ORDER BY at DESC, id DESC LIMIT ?`;
    return ((await ds.query(sql, [...shopParams, ...params, limit])) as Array<Record<string, unknown>>).map(toLog);
  };
  const oneByOne = scope.shopIds.length <= MAX_PER_SHOP_QUERIES;
  const lists = oneByOne
    ? await Promise.all(scope.shopIds.map((id) => run('shop_id = ?', [id])))
    : [await run(`shop_id IN (${scope.shopIds.map(() => '?').join(', ')})`, [...scope.shopIds])];
  return lists.flat().sort(byNewest).slice(0, limit);
}

export type BucketSize = 'HOUR' | 'DAY';
export const BUCKET_MS: Record<BucketSize, number> = { HOUR: 3_600_000, DAY: 86_400_000 };

export interface UsageCount {
  start: Date;
  requests: number;
  errors: number;
}

/** Requests and errors per UTC hour or day, grouped in the database (only non-empty buckets). */
export async function countUsage(ds: DataSource, scope: LogScope & { from: Date; to: Date }, bucket: BucketSize): Promise<UsageCount[]> {
  if (scope.shopIds.length === 0) return [];
  const fmt = bucket === 'HOUR' ? '%Y-%m-%d %H:00:00' : '%Y-%m-%d 00:00:00';
  const bucketExpr = dialectOf(ds) === 'mysql' ? `DATE_FORMAT(at, '${fmt}')` : `strftime('${fmt}', at)`;
  const { where, params } = conditions({ ...scope, errorsOnly: scope.errorsOnly });
  const sql =
    `SELECT ${bucketExpr} AS bucket, COUNT(*) AS requests, SUM(CASE WHEN ${ERROR_CONDITION} THEN 1 ELSE 0 END) AS errors ` +
    `FROM api_request_log WHERE shop_id IN (${scope.shopIds.map(() => '?').join(', ')}) AND ${where.join(' AND ')} ` +
    `GROUP BY ${bucketExpr} ORDER BY bucket`;
  const rows = (await ds.query(sql, [...scope.shopIds, ...params])) as Array<Record<string, unknown>>;
  return rows.map((r) => ({ start: fromDbDate(r.bucket) as Date, requests: Number(r.requests), errors: Number(r.errors ?? 0) }));
}
