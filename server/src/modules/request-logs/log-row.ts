/** One key-authenticated request as recorded; log-row-queue.ts keeps it and turns it into its stored line. */
export interface LogRow {
  at: Date;
  apiKeyId: string;
  shopId: string;
  usedPreviousSecret: boolean;
  operationName: string | null;
  /** query | mutation | subscription, or 'unknown' when the document did not parse. */
  operationType: string;
  fields: readonly string[];
  httpStatus: number;
  errorCode: string | null;
  durationMs: number;
  ip: string | null;
  userAgent: string | null;
}

/** Column widths of api_request_log (see the entity); longer values are cut, never rejected. */
export const WIDTH = { operationName: 100, operationType: 16, fields: 500, errorCode: 40, ip: 64, userAgent: 300 } as const;

/**
 * Cuts by code point, not UTF-16 unit: half a surrogate pair is invalid utf8mb4
 * and MySQL would refuse the whole multi-row INSERT over one odd user agent.
 */
export function clip(s: string | null | undefined, max: number): string | null {
  if (s === null || s === undefined) return null;
  if (s.length <= max) return s;
  return Array.from(s).slice(0, max).join('');
}

/** Keeps as many whole field names as fit in the column, so a stored list never ends mid-name. */
export function joinFields(fields: readonly string[]): string {
  let out = '';
  for (const f of fields) {
    const next = out ? `${out},${f}` : f;
    if (next.length > WIDTH.fields) break;
    out = next;
  }
  return out;
}

/** The columns of a stored line and of the INSERT, in order (log-row-queue.ts writes them, encoded-rows.ts reads them back). */
export const INSERT_COLUMNS =
  'at, api_key_id, shop_id, used_previous_secret, operation_name, operation_type, `fields`, http_status, error_code, duration_ms, ip, user_agent';

/**
 * One batch of lines as LOAD DATA reads them (encoded-rows.ts writes them), streamed from memory
 * (request-log.store.ts). The bench's separate log writer (bench/lib/log-writer.mjs) sends the
 * same statement from the built server, so its rows cost the database what the server's do.
 */
export const LOAD_SQL =
  "LOAD DATA LOCAL INFILE 'keysmith-request-log' INTO TABLE api_request_log CHARACTER SET utf8mb4 " +
  `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${INSERT_COLUMNS})`;
