import { EncodedRows, type EncodedBatch } from '../../src/modules/request-logs/encoded-rows';
import type { LogRow } from '../../src/modules/request-logs/log-row';

/** Rows as the request log's buffer hands them to its writer. */
export function batchOf(rows: readonly LogRow[]): EncodedBatch {
  const queue = new EncodedRows();
  for (const r of rows) queue.push(r);
  return queue.peek(queue.length);
}
