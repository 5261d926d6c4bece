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

/** Per key slot, four times in ms (0: none): the latest uses seen, and those not yet written. */
const CURRENT = 0;
const PREVIOUS = 1;
const PENDING = 2; // PENDING + CURRENT, PENDING + PREVIOUS
const WIDTH = 4;

/**
 * `lastUsedAt` without a write per request: the latest use of each key is kept
 * here (and shown through `get`), and written to api_key at most once per key
 * per `minWriteIntervalMs`. The first use of a key is written on the next tick,
 * so a fresh key shows as used on other instances within seconds.
 *
 * The times live in one Float64Array, a slot per key: `note` runs on every partner
 * request, and a time kept in an object's field is a new heap number each time,
 * referenced from an old object, which every young-generation collection then
 * has to visit (see bench/FINDINGS.md, "Request logging's cost").
 */
export class LastUsedTracker {
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  private times = new Float64Array(WIDTH * 64);
  /** Slots with a pending time, each listed once (`listed` says which are). */
  private pendingSlots: number[] = [];
  private listed = new Uint8Array(64);
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

  /** Runs on every partner request: a map lookup and two stores, no allocation once a key is known. */
  note(keyId: string, usedPreviousSecret: boolean, at: Date): void {
    const slot = this.slots.get(keyId) ?? this.addSlot(keyId);
    this.moveForward(slot, usedPreviousSecret ? PREVIOUS : CURRENT, at.getTime(), true);
  }

  /** The latest use this instance has seen; the caller takes the later of this and the stored value. */
  get(keyId: string): LastUse | undefined {
    const slot = this.slots.get(keyId);
    if (slot === undefined) return undefined;
    const at = (which: number) => {
      const t = this.times[slot * WIDTH + which] as number;
      return t === 0 ? null : new Date(t);
    };
    return { lastUsedAt: at(CURRENT), previousLastUsedAt: at(PREVIOUS) };
  }

  /**
   * After a regeneration or the end of a rotation the previous slot holds another
   * secret (or none): uses of the old one must not be attributed to it. Other
   * instances learn it when their memory entry is superseded; until then the
   * stored value (reset by the rotation) is only ever moved forward by them.
   */
  forgetPrevious(keyId: string): void {
    const slot = this.slots.get(keyId);
    if (slot === undefined) return;
    this.times[slot * WIDTH + PREVIOUS] = 0;
    this.times[slot * WIDTH + PENDING + PREVIOUS] = 0;
  }

  /** Writes everything pending now (shutdown). */
  async flushAll(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.running) await this.running;
    await this.write(true);
  }

  private addSlot(keyId: string): number {
    const slot = this.ids.length;
    if (slot >= this.listed.length) {
      const times = new Float64Array(this.times.length * 2);
      times.set(this.times);
      this.times = times;
      const listed = new Uint8Array(this.listed.length * 2);
      listed.set(this.listed);
      this.listed = listed;
    }
    this.ids.push(keyId);
    this.slots.set(keyId, slot);
    return slot;
  }

  /** Moves a slot's time (CURRENT or PREVIOUS) to `t` if later, and its pending twin (with the seen one too when `seen`). */
  private moveForward(slot: number, which: number, t: number, seen: boolean): void {
    const times = this.times;
    const i = slot * WIDTH + which;
    if (seen && t > (times[i] as number)) times[i] = t;
    if (t > (times[i + PENDING] as number)) times[i + PENDING] = t;
    if (this.listed[slot] === 0) {
      this.listed[slot] = 1;
      this.pendingSlots.push(slot);
    }
  }

  private write(all: boolean): Promise<void> {
    if (this.running) return this.running;
    const now = Date.now();
    const due: Array<[string, Uses]> = [];
    const waiting: number[] = [];
    for (const slot of this.pendingSlots) {
      const id = this.ids[slot] as string;
      if (!all && now - (this.lastWrite.get(id) ?? 0) < this.minWriteIntervalMs) {
        waiting.push(slot);
        continue;
      }
      const i = slot * WIDTH + PENDING;
      const current = this.times[i + CURRENT] as number;
      const previous = this.times[i + PREVIOUS] as number;
      this.times[i + CURRENT] = 0;
      this.times[i + PREVIOUS] = 0;
      this.listed[slot] = 0;
      // Nothing when only a forgotten previous-slot use was pending.
      if (current !== 0 || previous !== 0) due.push([id, { current: current || null, previous: previous || null }]);
    }
    this.pendingSlots = waiting;
    if (due.length === 0) return Promise.resolve();
    this.running = this.update(due)
      .then(() => due.forEach(([id]) => this.lastWrite.set(id, now)))
      .catch((err: unknown) => {
        // Put them back (merged with newer uses) for the next tick; the API still shows them from memory.
        for (const [id, u] of due) {
          const slot = this.slots.get(id) as number;
          if (u.current !== null) this.moveForward(slot, CURRENT, u.current, false);
          if (u.previous !== null) this.moveForward(slot, PREVIOUS, u.previous, false);
        }
        this.logger.warn({ err, keys: due.length }, 'lastUsedAt write failed; will retry');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
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
        await em.query(`UPDATE api_key SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
      }
    });
  }
}
