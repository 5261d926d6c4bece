import { sqlDate } from '../../db/columns';
import type { RowQueue } from './log-buffer';
import { clip, joinFields, WIDTH, type LogRow } from './log-row';

/**
 * The request log's waiting rows, kept as `LOAD DATA` input: each row is written as one
 * line of UTF-8 bytes when it is recorded, in the order of INSERT_COLUMNS (log-row.ts),
 * in LOAD DATA's default text format (fields TERMINATED BY '\t' ESCAPED BY '\\', lines
 * TERMINATED BY '\n', \N for NULL).
 *
 * Why bytes, and why at once (bench/README.md, "Request logging's cost"):
 * - A row kept as an object until its flush (up to 250 ms) outlives several young-generation
 *   collections, each of which copies it: the largest single cost of logging we measured.
 *   Bytes in a Buffer are outside the heap; the row object dies young.
 * - Written byte by byte, a line costs about a third of a template string joined with
 *   thousands of others and encoded at flush time (flattening the joined strings and
 *   formatting fractional numbers were most of that).
 * - The columns that repeat (key and shop ids, the operation's three, the date to the second)
 *   are copied as bytes prepared once. Written character by character they were most of a
 *   line's cost: the encoder went from about 12 800 to 4 300 instructions a row
 *   (bench/instructions.mjs counts them; bench/README.md, "Counting instructions").
 * - A flush then sends the bytes as they are (request-log.store.ts); the INSERT path
 *   (SQLite, or a server that refuses LOAD DATA) reads them back with `decodeRows`.
 *
 * The lines sit in segments of about SEGMENT_BYTES. A batch is a run of whole lines, one
 * piece per segment it touches, so no piece is much bigger than a segment: mysql2 sends a
 * piece as one protocol packet, and a batch of long user agents (5 000 rows can be over 10 MB)
 * never meets the server's max_allowed_packet (4 MB on MySQL 5.7). Written segments are
 * reused, so a steady load allocates no new memory for its rows.
 */

export interface EncodedBatch {
  readonly rows: number;
  /** Whole lines, in order; together, the batch's LOAD DATA input. */
  readonly pieces: readonly Buffer[];
}

export const SEGMENT_BYTES = 256 * 1024;
/** Room past SEGMENT_BYTES for the line that fills a segment (a longer one gets its own segment). */
const SLACK_BYTES = 16 * 1024;
/** Segments kept for reuse once written: enough for a flush's worth at a few thousand requests a second. */
const SPARE_SEGMENTS = 8;

interface Segment {
  buf: Buffer;
  /** End offset (exclusive) of each line. */
  ends: number[];
  /** Index in `ends` of the oldest line not yet written, and where it starts. */
  head: number;
  start: number;
}

const NL = 10;
const TAB = 9;
const BACKSLASH = 92;
const ZERO = 48;
const DOT = 46;

/** For each ASCII code: the letter after the backslash that LOAD DATA needs, or 0. */
const ESCAPE = new Uint8Array(128);
ESCAPE[0] = ZERO; // \0
ESCAPE[TAB] = 116; // \t
ESCAPE[NL] = 110; // \n
ESCAPE[13] = 114; // \r
ESCAPE[BACKSLASH] = BACKSLASH; // \\
const ESCAPES = /[\\\t\n\r\0]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/** Prepared key and operation parts kept (each); past it the cache starts over. */
const MAX_PREPARED = 1000;

/** A column's text as LOAD DATA reads it: escaped, or \N for NULL (for prepared parts; lines are written byte by byte). */
const escaped = (s: string | null): string => (s === null ? '\\N' : s.replace(ESCAPES, (e) => ESCAPED[e] as string));

/** Bytes of a line besides its text fields (date, flags, status, duration, separators), rounded up. */
const FIXED_BYTES = 128;

export class EncodedRows implements RowQueue<LogRow, EncodedBatch> {
  private segments: Segment[] = [];
  private readonly spare: Buffer[] = [];
  private rows = 0;
  /** The segment being written, between `room` and the end of `push`. */
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private readonly byKey = new Map<string, { shopId: string; bytes: Buffer }>();
  private readonly byOperation = new Map<string | null, { operationType: string; fields: readonly string[]; bytes: Buffer }>();

  get length(): number {
    return this.rows;
  }

  push(r: LogRow): void {
    const key = this.keyPart(r);
    const operation = this.operationPart(r);
    const errorCode = clip(r.errorCode, WIDTH.errorCode);
    const ip = clip(r.ip, WIDTH.ip);
    const userAgent = clip(r.userAgent, WIDTH.userAgent);
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and an escape 2 bytes for a 1-byte character.
    const units = (errorCode?.length ?? 2) + (ip?.length ?? 2) + (userAgent?.length ?? 2);
    const seg = this.room(key.length + operation.length + 3 * units + FIXED_BYTES);
    this.date(r.at);
    this.tab().copy(key).tab();
    this.buf[this.pos++] = r.usedPreviousSecret ? ZERO + 1 : ZERO;
    this.tab().copy(operation).tab();
    this.digits(r.httpStatus);
    this.tab().text(errorCode).tab();
    this.duration(r.durationMs);
    this.tab().text(ip).tab().text(userAgent);
    this.buf[this.pos++] = NL;
    seg.ends.push(this.pos);
    this.rows += 1;
  }

  /** `api_key_id TAB shop_id`, encoded once per key; a hit is checked against the row, never trusted. */
  private keyPart(r: LogRow): Buffer {
    const hit = this.byKey.get(r.apiKeyId);
    if (hit !== undefined && hit.shopId === r.shopId) return hit.bytes;
    const bytes = Buffer.from(`${escaped(r.apiKeyId)}\t${escaped(r.shopId)}`, 'utf8');
    if (this.byKey.size >= MAX_PREPARED) this.byKey.clear();
    this.byKey.set(r.apiKeyId, { shopId: r.shopId, bytes });
    return bytes;
  }

  /**
   * `operation_name TAB operation_type TAB fields`, once per operation. The compiled path hands
   * out the same `fields` array every call; Apollo's path builds a new one, so there every call
   * encodes afresh (as all did before), which its ~300 us a request does not notice.
   */
  private operationPart(r: LogRow): Buffer {
    const hit = this.byOperation.get(r.operationName);
    if (hit !== undefined && hit.fields === r.fields && hit.operationType === r.operationType) return hit.bytes;
    const name = clip(r.operationName, WIDTH.operationName);
    const type = clip(r.operationType, WIDTH.operationType) as string;
    const bytes = Buffer.from(`${escaped(name)}\t${escaped(type)}\t${escaped(joinFields(r.fields))}`, 'utf8');
    if (this.byOperation.size >= MAX_PREPARED) this.byOperation.clear();
    this.byOperation.set(r.operationName, { operationType: r.operationType, fields: r.fields, bytes });
    return bytes;
  }

  peek(n: number): EncodedBatch {
    const rows = Math.min(n, this.rows);
    const pieces: Buffer[] = [];
    // Every queued segment holds at least one unwritten line (written ones are dropped in `shift`).
    for (let i = 0, left = rows; left > 0; i++) {
      const seg = this.segments[i] as Segment;
      const take = Math.min(left, seg.ends.length - seg.head);
      pieces.push(seg.buf.subarray(seg.start, seg.ends[seg.head + take - 1]));
      left -= take;
    }
    return { rows, pieces };
  }

  shift(n: number): void {
    let left = Math.min(n, this.rows);
    this.rows -= left;
    while (left > 0) {
      const seg = this.segments[0] as Segment;
      const take = Math.min(left, seg.ends.length - seg.head);
      seg.head += take;
      seg.start = seg.ends[seg.head - 1] as number;
      left -= take;
      if (seg.head === seg.ends.length) {
        // Fully written: its bytes are no longer read (the write that sent them is over).
        this.segments.shift();
        if (seg.buf.length === SEGMENT_BYTES + SLACK_BYTES && this.spare.length < SPARE_SEGMENTS) this.spare.push(seg.buf);
      }
    }
  }

  clear(): void {
    this.segments = [];
    this.rows = 0;
  }

  /** The segment a line of up to `bytes` goes into; `buf` and `pos` point into it. */
  private room(bytes: number): Segment {
    const last = this.segments.at(-1);
    if (last && last.buf === this.buf && this.pos < SEGMENT_BYTES && this.pos + bytes <= this.buf.length) return last;
    const size = SEGMENT_BYTES + SLACK_BYTES;
    const seg: Segment = { buf: bytes <= size ? (this.spare.pop() ?? Buffer.allocUnsafe(size)) : Buffer.allocUnsafe(bytes), ends: [], head: 0, start: 0 };
    this.segments.push(seg);
    this.buf = seg.buf;
    this.pos = 0;
    return seg;
  }

  private copy(bytes: Buffer): this {
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  private tab(): this {
    this.buf[this.pos++] = TAB;
    return this;
  }

  /** ASCII in a loop (no call into C++ for a short string); the rest of a string from its first non-ASCII unit with Buffer.write. */
  private text(s: string | null): this {
    const buf = this.buf;
    let pos = this.pos;
    if (s === null) {
      buf[pos] = BACKSLASH;
      buf[pos + 1] = 78; // N
      this.pos = pos + 2;
      return this;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = pos + buf.write(s.slice(i).replace(ESCAPES, (e) => ESCAPED[e] as string), pos, 'utf8');
        return this;
      }
      const e = ESCAPE[c] as number;
      if (e !== 0) {
        buf[pos++] = BACKSLASH;
        buf[pos++] = e;
      } else buf[pos++] = c;
    }
    this.pos = pos;
    return this;
  }

  /** A non-negative integer in decimal, without a string. */
  private digits(n: number): void {
    if (!(n >= 0 && Number.isSafeInteger(n))) {
      this.text(String(n));
      return;
    }
    let div = 1;
    while (div * 10 <= n) div *= 10;
    const buf = this.buf;
    for (; div >= 1; div /= 10) {
      const d = Math.floor(n / div);
      buf[this.pos++] = ZERO + d;
      n -= d * div;
    }
  }

  /** duration_ms to the microsecond, as integer digits: formatting a fractional number costs ten times as much. */
  private duration(ms: number): void {
    const us = Math.round(ms * 1000);
    if (!(us >= 0 && Number.isSafeInteger(us))) {
      this.text(String(us / 1000));
      return;
    }
    const frac = us % 1000;
    this.digits((us - frac) / 1000);
    const buf = this.buf;
    buf[this.pos++] = DOT;
    buf[this.pos++] = ZERO + Math.floor(frac / 100);
    buf[this.pos++] = ZERO + (Math.floor(frac / 10) % 10);
    buf[this.pos++] = ZERO + (frac % 10);
  }

  /** sqlDate's text, with the whole second formatted once per second (rows come in time order). */
  private date(d: Date): void {
    const t = d.getTime();
    const ms = t % 1000;
    if (!(ms >= 0)) {
      this.text(sqlDate(d)); // before 1970 (or invalid): the slow, general way
      return;
    }
    if (t - ms !== cachedSecond) {
      cachedSecond = t - ms;
      cachedPrefix = Buffer.from(sqlDate(new Date(cachedSecond)).slice(0, -4), 'latin1'); // digits, '-', ':' and a space
    }
    this.copy(cachedPrefix);
    const buf = this.buf;
    buf[this.pos++] = DOT;
    buf[this.pos++] = ZERO + Math.floor(ms / 100);
    buf[this.pos++] = ZERO + (Math.floor(ms / 10) % 10);
    buf[this.pos++] = ZERO + (ms % 10);
  }
}

let cachedSecond = Number.NaN;
let cachedPrefix = Buffer.alloc(0);

const UNESCAPE: Record<string, string> = { t: '\t', n: '\n', r: '\r', '0': '\0' };
/** used_previous_secret, http_status and duration_ms: numbers in the INSERT's values. */
const NUMERIC = new Set([3, 7, 9]);

/**
 * A batch read back into each row's values in INSERT_COLUMNS order, as LOAD DATA reads it:
 * for the INSERT path, which runs only on SQLite or when the server refuses LOAD DATA.
 */
export function decodeRows(batch: EncodedBatch): unknown[][] {
  const text = Buffer.concat(batch.pieces as Buffer[]).toString('utf8');
  if (text === '') return [];
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) =>
      line.split('\t').map((f, i) => {
        if (f === '\\N') return null;
        const v = f.includes('\\') ? f.replace(/\\([\s\S])/g, (_, c: string) => UNESCAPE[c] ?? c) : f;
        return NUMERIC.has(i) ? Number(v) : v;
      }),
    );
}
