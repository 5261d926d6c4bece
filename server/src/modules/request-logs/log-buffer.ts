import type { Logger } from '../../logger';

/**
 * Where a LogBuffer keeps its rows, oldest first. Request logs keep them as numbers in
 * typed arrays, and encode a batch only when it is written (log-row-queue.ts).
 */
export interface RowQueue<T, B> {
  readonly length: number;
  push(row: T): void;
  /** The oldest `n` rows (n <= length) as one batch; they stay queued until `shift`. A batch may be valid only until the next `peek`. */
  peek(n: number): B;
  /** Forgets the oldest `n` rows (written). */
  shift(n: number): void;
  clear(): void;
}

export interface LogBufferOptions<T, B> {
  queue: RowQueue<T, B>;
  /** Writes one batch; throws when the batch was not stored (it is then retried). */
  write: (batch: B) => Promise<void>;
  logger: Logger;
  /** Rows held at most; beyond this new rows are dropped (and counted) rather than growing memory. */
  maxRows: number;
  /** Rows per write (one statement on MySQL, see request-log.store.ts). */
  batchSize: number;
  /** Flush at least this often while rows are waiting. */
  intervalMs: number;
  /** Backoff after a failed write: doubles from `retryBaseMs` up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  onDrop?: (count: number) => void;
  onWritten?: (count: number) => void;
  onWriteFailure?: () => void;
}

/**
 * Keeps request logging off the request path: `push` is synchronous and O(1);
 * a timer writes the rows in batches. A batch leaves memory only once its write
 * succeeded, so a slow or down database loses nothing until the buffer is full;
 * then new rows are dropped, counted and reported in the server log.
 */
export class LogBuffer<T, B> {
  private readonly rows: RowQueue<T, B>;
  private flushing: Promise<void> | null = null;
  private flushingFullOnly = false;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private retryAt = 0;
  private droppedSinceReport = 0;
  private lastDropReport = 0;
  private closed = false;
  /** Rows dropped since start (buffer full, or lost at shutdown). */
  dropped = 0;

  constructor(private readonly opts: LogBufferOptions<T, B>) {
    this.rows = opts.queue;
  }

  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.flush(), this.opts.intervalMs);
    // Never keep the process alive just for the log timer; shutdown drains explicitly.
    this.timer.unref();
  }

  get size(): number {
    return this.rows.length;
  }

  /** True while writes are failing and being retried with backoff. */
  get degraded(): boolean {
    return this.failures > 0;
  }

  push(row: T): void {
    if (this.rows.length >= this.opts.maxRows) {
      this.drop(1);
      return;
    }
    this.rows.push(row);
    // A full batch need not wait for the timer (but never while backing off).
    if (this.rows.length >= this.opts.batchSize && !this.flushing && Date.now() >= this.retryAt) void this.flush(true);
  }

  /**
   * Writes the rows buffered when it starts, batch by batch; at most one flush runs at
   * a time. Rows that arrive meanwhile wait for the next full batch or tick: under load
   * rows keep arriving while a batch is written, and chasing them would turn one
   * statement per tick into an endless chain of small ones, each with its own commit
   * (about five times the database CPU per row). `fullBatchesOnly` (a flush started by a full
   * buffer) also leaves the partial rest to the timer.
   */
  flush(fullBatchesOnly = false): Promise<void> {
    if (this.flushing) {
      // A full flush asked for during a full-batches-only one: the rest follows it.
      return this.flushingFullOnly && !fullBatchesOnly ? this.flushing.then(() => this.flush()) : this.flushing;
    }
    if (this.rows.length === 0 || Date.now() < this.retryAt) return Promise.resolve();
    this.flushingFullOnly = fullBatchesOnly;
    const { batchSize } = this.opts;
    const count = fullBatchesOnly ? Math.floor(this.rows.length / batchSize) * batchSize : this.rows.length;
    this.flushing = this.writeAll(count).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /**
   * Writes every row buffered now. A flush already under way holds only the rows buffered
   * when it started, so this waits for it and then flushes again: for readers of their own
   * writes (tests). The timer never does this, see `flush`.
   */
  async flushNow(): Promise<void> {
    if (this.flushing) await this.flushing;
    await this.flush();
  }

  /**
   * On shutdown: stop the timer and keep writing until empty or `timeoutMs` has
   * passed, retrying failures sooner than the normal backoff. Returns rows lost.
   */
  async drain(timeoutMs: number): Promise<number> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const deadline = Date.now() + timeoutMs;
    while (this.rows.length > 0 && Date.now() < deadline) {
      if (this.flushing) await this.flushing;
      this.retryAt = 0;
      await this.flush();
      if (this.rows.length > 0) await sleep(Math.min(200, Math.max(0, deadline - Date.now())));
    }
    const lost = this.rows.length;
    if (lost > 0) {
      this.rows.clear();
      this.drop(lost, true);
    }
    return lost;
  }

  private async writeAll(count: number): Promise<void> {
    let left = count;
    while (left > 0 && this.rows.length > 0) {
      const n = Math.min(this.opts.batchSize, left, this.rows.length);
      try {
        await this.opts.write(this.rows.peek(n));
      } catch (err) {
        this.failures += 1;
        const base = this.opts.retryBaseMs ?? 250;
        const delay = Math.min(base * 2 ** Math.min(this.failures - 1, 16), this.opts.retryMaxMs ?? 10_000);
        this.retryAt = Date.now() + delay;
        this.opts.onWriteFailure?.();
        // First failure and then every tenth: enough to see an outage without flooding the log.
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.opts.logger.warn({ err, buffered: this.rows.length, failures: this.failures, retryInMs: delay }, 'request log write failed; retrying');
        }
        return;
      }
      // Rows pushed meanwhile were appended, so the batch is still at the front.
      this.rows.shift(n);
      left -= n;
      this.opts.onWritten?.(n);
      if (this.failures > 0) {
        // Drops after the last throttled report are told here, so none go unmentioned.
        const level = this.droppedSinceReport > 0 ? 'error' : 'info';
        this.opts.logger[level]({ failures: this.failures, buffered: this.rows.length, droppedUnreported: this.droppedSinceReport }, 'request log writes recovered');
        this.droppedSinceReport = 0;
        this.failures = 0;
        this.retryAt = 0;
      }
    }
  }

  private drop(count: number, atShutdown = false): void {
    this.dropped += count;
    this.droppedSinceReport += count;
    this.opts.onDrop?.(count);
    const now = Date.now();
    // Reported at most every 10 s so a long outage does not turn into a log flood.
    if (atShutdown || now - this.lastDropReport >= 10_000) {
      this.opts.logger.error(
        { dropped: this.droppedSinceReport, droppedTotal: this.dropped, maxRows: this.opts.maxRows },
        atShutdown ? 'request log rows lost at shutdown: the database did not accept them in time' : 'request log buffer full: dropping rows',
      );
      this.droppedSinceReport = 0;
      this.lastDropReport = now;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
