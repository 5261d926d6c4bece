import type { EncodedBatch } from '../../src/modules/request-logs/encoded-rows';
import { LogRowQueue } from '../../src/modules/request-logs/log-row-queue';
import { sqlDate } from '../../src/db/columns';
import { clip, joinFields, WIDTH, type LogRow } from '../../src/modules/request-logs/log-row';

/** Rows as the request log's buffer hands them to its writer. */
export function batchOf(rows: readonly LogRow[]): EncodedBatch {
  const queue = new LogRowQueue();
  for (const r of rows) queue.push(r);
  return queue.peek(queue.length);
}

/**
 * What each column must hold for a row, in INSERT_COLUMNS order, written apart from the
 * encoder: the tests compare the encoder's lines, read back, with it.
 */
export function rowValues(r: LogRow): unknown[] {
  return [
    sqlDate(r.at),
    r.apiKeyId,
    r.shopId,
    r.usedPreviousSecret ? 1 : 0,
    clip(r.operationName, WIDTH.operationName),
    clip(r.operationType, WIDTH.operationType),
    joinFields(r.fields),
    r.httpStatus,
    clip(r.errorCode, WIDTH.errorCode),
    Math.round(r.durationMs * 1000) / 1000, // stored to the microsecond
    clip(r.ip, WIDTH.ip),
    clip(r.userAgent, WIDTH.userAgent),
  ];
}
