import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';
import { pruneBatch } from './request-log.store';

const BATCH = 1000;
/** Per run: enough for a busy day's backlog in a few runs, short enough to never hog the database. */
const MAX_BATCHES_PER_RUN = 50;

/** Deletes rows older than the retention period in small batches, on a timer. */
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
      for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
        const n = await pruneBatch(this.ds, cutoff, BATCH);
        total += n;
        if (n < BATCH) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (err) {
      this.logger.warn({ err }, 'request log retention: prune failed; will retry on the next run');
    }
    if (total > 0) this.logger.info({ deleted: total, cutoff }, 'request log retention: pruned old rows');
    return total;
  }
}
