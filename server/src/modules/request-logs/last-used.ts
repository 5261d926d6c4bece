import type { DataSource } from 'typeorm';
import { sqlDate } from '../../db/columns';
import { inTransaction } from '../../db/transaction';
import type { Logger } from '../../logger';

export interface LastUse {
  lastUsedAt: Date | null;
  previousLastUsedAt: Date | null;
}

interface Uses {
  current: number | null;
  previous: number | null;
}

function noteUse(map: Map<string, Uses>, keyId: string, usedPreviousSecret: boolean, t: number): void {
  let u = map.get(keyId);
  if (!u) map.set(keyId, (u = { current: null, previous: null }));
  if (usedPreviousSecret) u.previous = Math.max(u.previous ?? 0, t);
  else u.current = Math.max(u.current ?? 0, t);
}

/**
 * `lastUsedAt` without a write per request: the latest use of each key is kept
 * here (and shown through `get`), and written to api_key at most once per key
 * per `minWriteIntervalMs`. The first use of a key is written on the next tick,
 * so a fresh key shows as used on other instances within seconds.
 */
export class LastUsedTracker {
  private readonly latest = new Map<string, Uses>();
  private readonly pending = new Map<string, Uses>();
  private readonly lastWrite = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly logger: Logger,
    private readonly minWriteIntervalMs = 60_000,
    private readonly tickMs = 1000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.write(false), this.tickMs);
    this.timer.unref();
  }

  /** Runs on every partner request: two map updates, no allocation once a key is known. */
  note(keyId: string, usedPreviousSecret: boolean, at: Date): void {
    const t = at.getTime();
    noteUse(this.latest, keyId, usedPreviousSecret, t);
    noteUse(this.pending, keyId, usedPreviousSecret, t);
  }

  /** The latest use this instance has seen; the caller takes the later of this and the stored value. */
  get(keyId: string): LastUse | undefined {
    const u = this.latest.get(keyId);
    if (!u) return undefined;
    return { lastUsedAt: u.current === null ? null : new Date(u.current), previousLastUsedAt: u.previous === null ? null : new Date(u.previous) };
  }

  /**
   * After a regeneration or the end of a rotation the previous slot holds another
   * secret (or none): uses of the old one must not be attributed to it. Other
   * instances learn it when their memory entry is superseded; until then the
   * stored value (reset by the rotation) is only ever moved forward by them.
   */
  forgetPrevious(keyId: string): void {
    for (const map of [this.latest, this.pending]) {
      const u = map.get(keyId);
      if (u) u.previous = null;
    }
  }

  /** Writes everything pending now (shutdown). */
  async flushAll(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.running) await this.running;
    await this.write(true);
  }

  private write(all: boolean): Promise<void> {
    if (this.running) return this.running;
    const now = Date.now();
    const due = [...this.pending].filter(([id]) => all || now - (this.lastWrite.get(id) ?? 0) >= this.minWriteIntervalMs);
    if (due.length === 0) return Promise.resolve();
    for (const [id] of due) this.pending.delete(id);
    this.running = this.update(due)
      .then(() => due.forEach(([id]) => this.lastWrite.set(id, now)))
      .catch((err: unknown) => {
        // Put them back (merged with newer uses) for the next tick; the API still shows them from memory.
        for (const [id, u] of due) {
          if (u.current !== null || u.previous !== null) this.reapply(id, u);
        }
        this.logger.warn({ err, keys: due.length }, 'lastUsedAt write failed; will retry');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private reapply(id: string, u: Uses): void {
    if (u.current !== null) this.notePending(id, 'current', u.current);
    if (u.previous !== null) this.notePending(id, 'previous', u.previous);
  }

  private notePending(id: string, slot: keyof Uses, t: number): void {
    const p = this.pending.get(id) ?? { current: null, previous: null };
    p[slot] = Math.max(p[slot] ?? 0, t);
    this.pending.set(id, p);
  }

  /** Only ever moves a time forward, so instances writing out of order cannot turn it back. */
  private update(due: Array<[string, Uses]>): Promise<void> {
    return inTransaction(this.ds, async (em) => {
      for (const [id, u] of due) {
        const sets: string[] = [];
        const params: unknown[] = [];
        for (const [col, t] of [['last_used_at', u.current], ['previous_last_used_at', u.previous]] as const) {
          if (t === null) continue;
          const d = sqlDate(new Date(t));
          sets.push(`${col} = CASE WHEN ${col} IS NULL OR ${col} < ? THEN ? ELSE ${col} END`);
          params.push(d, d);
        }
        if (sets.length === 0) continue; // only a forgotten previous-slot use was pending
        await em.query(`UPDATE api_key SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
      }
    });
  }
}
