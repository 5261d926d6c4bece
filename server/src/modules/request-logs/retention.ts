import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';
import { pruneWindow } from './request-log.store';

/** Rows looked at per statement: small windows keep each statement's locks short on a busy table. */
const BATCH = 1000;
/** Per run: enough for a busy day's backlog in a few runs, short enough to never hog the database. */
const MAX_BATCHES_PER_RUN = 50;

/**
 * Deletes rows older than the retention period on a timer, oldest ids first, one window of
 * BATCH rows at a time, until a window holds no old row (the table's old end is behind it).
 * A row recorded late with an old time (an instance's clock behind the others') can sit
 * behind a window of newer rows: it goes once those are old too, so it is kept at most
 * that clock difference longer, never deleted early.
 */
export class RetentionPruner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly logger: Logger,
    private readonly retentionDays: number,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.running) await this.running;
  }

  /** Returns the rows deleted. Yields between batches so requests interleave with the deletes. */
  runOnce(now = new Date()): Promise<number> {
    this.running ??= this.prune(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async prune(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000);
    let total = 0;
    try {
      let fromId = 0;
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        const w = await pruneWindow(this.ds, cutoff, fromId, BATCH);
        total += w.deleted;
        if (w.deleted === 0 || w.nextId === null) break;
        fromId = w.nextId;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (err) {
      this.logger.warn({ err }, 'request log retention: prune failed; will retry on the next run');
    }
    if (total > 0) this.logger.info({ deleted: total, cutoff }, 'request log retention: pruned old rows');
    return total;
  }
}
