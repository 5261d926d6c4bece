import type { ValueTransformer } from 'typeorm';

/**
 * Times are stored as UTC with millisecond precision on both dialects.
 * SQLite keeps them as 'YYYY-MM-DD HH:MM:SS.SSS' text, MySQL as DATETIME(3)
 * read back with timezone 'Z'; `sqlDate` gives the literal both compare
 * correctly against, for hand-written conditions.
 */
export function sqlDate(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Reads a stored time from either driver (Date from mysql2, text from SQLite). */
export function fromDbDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const s = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

/** Entities use this for every time column, so both dialects hydrate to a UTC Date. */
export const utcDate: ValueTransformer = {
  to: (value: Date | null | undefined) => (value instanceof Date ? sqlDate(value) : value),
  from: (value: unknown) => fromDbDate(value),
};

export const timeColumn = { type: 'datetime', precision: 3, transformer: utcDate } as const;
