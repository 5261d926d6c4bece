/** Pure helpers for the request-log view (unit-tested; no React). */
import dayjs from 'dayjs';

export interface LogRowView {
  at: string;
  apiKey: { name: string; partialKey: string };
  usedPreviousSecret: boolean;
  operationName?: string | null;
  operationType: string;
  fields: string[];
  httpStatus: number;
  errorCode?: string | null;
  durationMs: number;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Colour by status class: 2xx green, 4xx orange, 5xx red. Darker than Mantine's
 * palette shades, whose white-on-colour contrast falls just short of WCAG AA.
 */
export const STATUS_COLORS = { ok: '#237032', client: '#a34a00', server: '#b42318', other: '#495057' } as const;

export function statusColor(status: number): string {
  if (status >= 500) return STATUS_COLORS.server;
  if (status >= 400) return STATUS_COLORS.client;
  if (status >= 200 && status < 300) return STATUS_COLORS.ok;
  return STATUS_COLORS.other;
}

/** What the call asked for: "query Name: shop, inventory". */
export function describeOperation(r: Pick<LogRowView, 'operationName' | 'operationType' | 'fields'>): string {
  const fields = r.fields.length > 0 ? r.fields.join(', ') : '(none)';
  return r.operationName ? `${r.operationType} ${r.operationName}: ${fields}` : `${r.operationType}: ${fields}`;
}

/** When the call came, in the viewer's time zone, to the second (the table's Time column, a phone's card). */
export function formatLogTime(at: string): string {
  return dayjs(at).format('MMM D, HH:mm:ss');
}

/** Who called: "203.0.113.9 · feed-sync/2.1", a dash when the address is unknown. */
export function clientLabel(r: Pick<LogRowView, 'ip' | 'userAgent'>): string {
  return `${r.ip ?? '—'}${r.userAgent ? ` · ${r.userAgent}` : ''}`;
}

export function formatDuration(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

const CSV_HEADER = ['time_utc', 'key', 'partial_key', 'previous_secret', 'operation_type', 'operation_name', 'fields', 'http_status', 'error_code', 'duration_ms', 'ip', 'user_agent'];

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly LogRowView[]): string {
  const lines = rows.map((r) =>
    [
      r.at,
      r.apiKey.name,
      r.apiKey.partialKey,
      r.usedPreviousSecret,
      r.operationType,
      r.operationName,
      r.fields.join(' '),
      r.httpStatus,
      r.errorCode,
      r.durationMs,
      r.ip,
      r.userAgent,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}
