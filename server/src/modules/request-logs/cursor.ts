import { badInput } from '../../graphql/errors';

/** Position in the newest-first order (at DESC, id DESC); opaque to clients. */
export interface LogCursor {
  at: Date;
  id: number;
}

export function encodeCursor(c: LogCursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(s: string): LogCursor {
  const [iso, id] = Buffer.from(s, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  const n = Number(id);
  if (Number.isNaN(at.getTime()) || !Number.isSafeInteger(n) || n < 0) throw badInput('after', 'after is not a cursor from this list.');
  return { at, id: n };
}
