import { sqlDate } from '../../db/columns';

/**
 * A batch of request-log rows as `LOAD DATA` input, and the writer that puts it together:
 * each row one line of UTF-8 bytes, its columns in the order of INSERT_COLUMNS (log-row.ts),
 * in LOAD DATA's default text format (fields TERMINATED BY '\t' ESCAPED BY '\\', lines
 * TERMINATED BY '\n', \N for NULL). LogRowQueue (log-row-queue.ts) writes a batch when it is
 * flushed; a flush sends the bytes as they are (request-log.store.ts), and the INSERT path
 * (SQLite, or a server that refuses LOAD DATA) reads them back with `decodeRows`.
 *
 * The lines sit in segments of about SEGMENT_BYTES, one piece per segment, so no piece is much
 * bigger than a segment: mysql2 sends a piece as one protocol packet, and a batch of long user
 * agents (5 000 rows can be over 10 MB) never meets the server's max_allowed_packet (4 MB on
 * MySQL 5.7). Segments are reused from batch to batch, so a steady load allocates no memory
 * for its lines.
 */

export interface EncodedBatch {
  readonly rows: number;
  /** Whole lines, in order; together, the batch's LOAD DATA input. */
  readonly pieces: readonly Buffer[];
}

export const SEGMENT_BYTES = 256 * 1024;
/** Room past SEGMENT_BYTES for the line that fills a segment (a longer one gets its own buffer). */
const SLACK_BYTES = 16 * 1024;
/** Segments kept for reuse: a flush's worth at a few thousand requests a second. */
const SPARE_SEGMENTS = 8;

export const NL = 10;
export const TAB = 9;
const ZERO = 48;
const DOT = 46;

/**
 * Writes one batch's lines into reused segments. Only the ASCII the writer makes itself goes
 * through it byte by byte (times, numbers, separators); the text columns arrive escaped
 * already, as bytes prepared once per distinct value (row-dictionary.ts).
 */
export class BatchWriter {
  private readonly segments: Buffer[] = [];
  private used = 0;
  private pieces: Buffer[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private second = Number.NaN;
  private secondText: Buffer = Buffer.alloc(0);

  /** Starts a batch: the previous one's bytes are written over from here on. */
  begin(): void {
    this.used = 0;
    this.pieces = [];
    this.buf = Buffer.alloc(0);
    this.pos = 0;
  }

  /** Makes room for a line of at most `bytes`. */
  line(bytes: number): void {
    if (this.pos < SEGMENT_BYTES && this.pos + bytes <= this.buf.length) return;
    if (this.pos > 0) this.pieces.push(this.buf.subarray(0, this.pos));
    const size = SEGMENT_BYTES + SLACK_BYTES;
    if (bytes > size) this.buf = Buffer.allocUnsafe(bytes);
    else if (this.used < this.segments.length) this.buf = this.segments[this.used++] as Buffer;
    else {
      this.buf = Buffer.allocUnsafe(size);
      if (this.segments.length < SPARE_SEGMENTS) this.segments[this.used++] = this.buf;
    }
    this.pos = 0;
  }

  finish(rows: number): EncodedBatch {
    if (this.pos > 0) this.pieces.push(this.buf.subarray(0, this.pos));
    return { rows, pieces: this.pieces };
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  /** A prepared part: a memory copy, but a loop for the shortest (a call costs more than a few bytes). */
  copy(part: Buffer): void {
    const n = part.length;
    if (n > 8) {
      this.buf.set(part, this.pos);
      this.pos += n;
      return;
    }
    const buf = this.buf;
    for (let i = 0; i < n; i++) buf[this.pos++] = part[i] as number;
  }

  /** A number that is not a small whole one, as JavaScript writes it (ASCII, nothing to escape). */
  private ascii(s: string): void {
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  /** A non-negative integer in decimal, without a string. */
  digits(n: number): void {
    if (!(n >= 0 && Number.isSafeInteger(n))) {
      this.ascii(String(n));
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
  duration(ms: number): void {
    const us = Math.round(ms * 1000);
    if (!(us >= 0 && Number.isSafeInteger(us))) {
      this.ascii(String(us / 1000));
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

  /** sqlDate's text of a time in ms, the whole second formatted once per second (rows come in time order). */
  date(t: number): void {
    const ms = t % 1000;
    if (!(ms >= 0)) {
      this.ascii(sqlDate(new Date(t))); // before 1970: the slow, general way
      return;
    }
    if (t - ms !== this.second) {
      this.second = t - ms;
      this.secondText = Buffer.from(sqlDate(new Date(this.second)).slice(0, -4), 'latin1'); // digits, '-', ':' and a space
    }
    this.copy(this.secondText);
    const buf = this.buf;
    buf[this.pos++] = DOT;
    buf[this.pos++] = ZERO + Math.floor(ms / 100);
    buf[this.pos++] = ZERO + (Math.floor(ms / 10) % 10);
    buf[this.pos++] = ZERO + (ms % 10);
  }
}

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
