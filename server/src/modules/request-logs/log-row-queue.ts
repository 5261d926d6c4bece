import { BatchWriter, NL, TAB, type EncodedBatch } from './encoded-rows';
import type { RowQueue } from './log-buffer';
import type { LogRow } from './log-row';
import { RowDictionary } from './row-dictionary';

/**
 * The request log's waiting rows, as numbers in typed arrays: a row is its time, duration,
 * status and flag, and the entry numbers of its text columns in a RowDictionary. Its line of
 * LOAD DATA input is written only when its batch is flushed (encoded-rows.ts), all the batch's
 * lines in one loop.
 *
 * Why (bench/FINDINGS.md, "Request logging's cost" and "Logging's cost within one process"):
 * - A row kept as an object until its flush (up to 250 ms) outlives several young-generation
 *   collections, each of which copies it: the largest single cost of logging we measured.
 *   Numbers in typed arrays are outside the collector's work; the row object dies young.
 * - Encoding each line on the request path, between requests, looked like most of logging's
 *   cost in one process (about 4 %, measured 2026-11-25), although the encoder takes a few
 *   hundred ns a row in a loop. Recording is now a fifth of those instructions (about 390 a
 *   row against 1 860) and the lines are that loop, a batch at a time; whether it closes the
 *   gap could not be told on that day's host (bench/FINDINGS.md).
 * - A waiting row takes 52 bytes (up to twice that in a ring just doubled) instead of its
 *   line's 150-300, so a backlog (the database down, REQUEST_LOG_BUFFER_MAX rows) takes
 *   a third of the memory or less.
 *
 * Rows live in a ring of `capacity` slots (a power of two; row number n is in slot
 * n & (capacity - 1)), which doubles when full; LogBuffer's row limit bounds it.
 */

/** Per slot in `nums`: time (ms), duration (ms), HTTP status, used_previous_secret (0 or 1). */
const AT = 0;
const DURATION = 1;
const STATUS = 2;
const PREVIOUS = 3;
const NUMS = 4;
/** Per slot in `refs`: entry numbers of the key, operation, error code, ip and user agent parts. */
const KEY = 0;
const OPERATION = 1;
const ERROR_CODE = 2;
const IP = 3;
const USER_AGENT = 4;
const REFS = 5;

/** Bytes of a line besides its dictionary parts (time, flag, status, duration, separators), rounded up. */
const FIXED_BYTES = 128;

interface Era {
  /** Number of the first row whose entries are in `dict`. */
  from: number;
  dict: RowDictionary;
}

export class LogRowQueue implements RowQueue<LogRow, EncodedBatch> {
  private capacity = 1024;
  private nums = new Float64Array(NUMS * this.capacity);
  private refs = new Int32Array(REFS * this.capacity);
  /** Numbers of the oldest row waiting and of the next one to come. */
  private head = 0;
  private tail = 0;
  /** Oldest first; each serves the rows from its `from` to the next one's. */
  private eras: Era[] = [];
  /** The newest era's dictionary, where rows being pushed go. */
  private dict = this.startEra(0);
  private readonly writer = new BatchWriter();
  /** The last batch handed out, handed out again while it is still the oldest rows (a retried write). */
  private last: { head: number; batch: EncodedBatch } | null = null;

  get length(): number {
    return this.tail - this.head;
  }

  /** On every logged request: a few stores and a map lookup per text column. */
  push(r: LogRow): void {
    if (this.tail - this.head === this.capacity) this.grow();
    const dict = this.dict.full ? this.startEra(this.tail) : this.dict;
    const slot = this.tail & (this.capacity - 1);
    const n = slot * NUMS;
    const at = r.at.getTime();
    // A time that is not one could not be stored; its request happened about now.
    this.nums[n + AT] = Number.isFinite(at) ? at : Date.now();
    this.nums[n + DURATION] = r.durationMs;
    this.nums[n + STATUS] = r.httpStatus;
    this.nums[n + PREVIOUS] = r.usedPreviousSecret ? 1 : 0;
    const f = slot * REFS;
    this.refs[f + KEY] = dict.key(r.apiKeyId, r.shopId);
    this.refs[f + OPERATION] = dict.operation(r.operationName, r.operationType, r.fields);
    this.refs[f + ERROR_CODE] = dict.errorCode(r.errorCode);
    this.refs[f + IP] = dict.ip(r.ip);
    this.refs[f + USER_AGENT] = dict.userAgent(r.userAgent);
    this.tail += 1;
  }

  /** The oldest `n` rows as LOAD DATA input; valid until the next batch is asked for. */
  peek(n: number): EncodedBatch {
    const rows = Math.min(n, this.length);
    const last = this.last;
    if (last !== null && last.head === this.head && last.batch.rows === rows) return last.batch;
    const w = this.writer;
    w.begin();
    let e = 0;
    for (let row = this.head, end = this.head + rows; row < end; row++) {
      while (e + 1 < this.eras.length && (this.eras[e + 1] as Era).from <= row) e++;
      this.line(w, row, (this.eras[e] as Era).dict);
    }
    const batch = w.finish(rows);
    this.last = { head: this.head, batch };
    return batch;
  }

  shift(n: number): void {
    this.head += Math.min(n, this.length);
    while (this.eras.length > 1 && (this.eras[1] as Era).from <= this.head) this.eras.shift();
    this.last = null;
  }

  clear(): void {
    this.head = this.tail;
    this.eras = [];
    this.startEra(this.tail);
    this.last = null;
  }

  /** A new dictionary for the rows from `from` on (the previous one is full, or the queue starts afresh). */
  private startEra(from: number): RowDictionary {
    this.dict = new RowDictionary();
    this.eras.push({ from, dict: this.dict });
    return this.dict;
  }

  private line(w: BatchWriter, row: number, d: RowDictionary): void {
    const slot = row & (this.capacity - 1);
    const n = slot * NUMS;
    const f = slot * REFS;
    const refs = this.refs;
    const keyPart = d.part(refs[f + KEY] as number);
    const opPart = d.part(refs[f + OPERATION] as number);
    const errPart = d.part(refs[f + ERROR_CODE] as number);
    const ipPart = d.part(refs[f + IP] as number);
    const uaPart = d.part(refs[f + USER_AGENT] as number);
    w.line(keyPart.length + opPart.length + errPart.length + ipPart.length + uaPart.length + FIXED_BYTES);
    w.date(this.nums[n + AT] as number);
    w.byte(TAB);
    w.copy(keyPart);
    w.byte(TAB);
    w.digits(this.nums[n + PREVIOUS] as number);
    w.byte(TAB);
    w.copy(opPart);
    w.byte(TAB);
    w.digits(this.nums[n + STATUS] as number);
    w.byte(TAB);
    w.copy(errPart);
    w.byte(TAB);
    w.duration(this.nums[n + DURATION] as number);
    w.byte(TAB);
    w.copy(ipPart);
    w.byte(TAB);
    w.copy(uaPart);
    w.byte(NL);
  }

  /** Doubles the ring, each waiting row moving to its slot in the bigger one. */
  private grow(): void {
    const capacity = 2 * this.capacity;
    const nums = new Float64Array(NUMS * capacity);
    const refs = new Int32Array(REFS * capacity);
    for (let row = this.head; row < this.tail; row++) {
      const from = row & (this.capacity - 1);
      const to = row & (capacity - 1);
      nums.set(this.nums.subarray(from * NUMS, from * NUMS + NUMS), to * NUMS);
      refs.set(this.refs.subarray(from * REFS, from * REFS + REFS), to * REFS);
    }
    this.capacity = capacity;
    this.nums = nums;
    this.refs = refs;
  }
}
