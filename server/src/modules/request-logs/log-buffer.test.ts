import { createLogger } from '../../logger';
import { LogBuffer, type RowQueue } from './log-buffer';
import { joinFields, clip } from './log-row';
import { operationInfoFromBody } from './operation-info';

const logger = createLogger('silent');

/** Rows kept as they come: enough to test the buffer's policy apart from any encoding. */
class ArrayQueue<T> implements RowQueue<T, readonly T[]> {
  private rows: T[] = [];
  get length(): number {
    return this.rows.length;
  }
  push(row: T): void {
    this.rows.push(row);
  }
  peek(n: number): readonly T[] {
    return this.rows.slice(0, n);
  }
  shift(n: number): void {
    this.rows.splice(0, n);
  }
  clear(): void {
    this.rows = [];
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function buffer(write: (rows: readonly number[]) => Promise<void>, over: Partial<ConstructorParameters<typeof LogBuffer<number, readonly number[]>>[0]> = {}) {
  return new LogBuffer<number, readonly number[]>({ queue: new ArrayQueue<number>(), write, logger, maxRows: 100, batchSize: 10, intervalMs: 20, retryBaseMs: 10, retryMaxMs: 40, ...over });
}

describe('LogBuffer', () => {
  it('writes in batches of at most batchSize, in order', async () => {
    const batches: number[][] = [];
    const b = buffer(async (rows) => void batches.push([...rows]));
    for (let i = 0; i < 25; i++) b.push(i);
    await b.flush();
    expect(batches.map((x) => x.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual([...Array(25).keys()]);
  });

  it('writes what was buffered when the flush started: rows that arrive meanwhile wait, not one small INSERT each', async () => {
    const sizes: number[] = [];
    let release!: () => void;
    const b = buffer(
      async (rows) => {
        sizes.push(rows.length);
        if (sizes.length === 1) await new Promise<void>((r) => (release = r));
      },
      { intervalMs: 60_000 },
    );
    for (let i = 0; i < 10; i++) b.push(i); // the tenth starts a write of a full batch
    await sleep(5);
    for (let i = 10; i < 23; i++) b.push(i); // arrive while it is written
    release();
    await sleep(20);
    expect(sizes).toEqual([10]);
    expect(b.size).toBe(13);
    await b.flush(); // the timer's flush writes the rest, in full batches first
    expect(sizes).toEqual([10, 10, 3]);
    expect(b.size).toBe(0);
  });

  it('flushNow also writes the rows that arrived while a write was under way', async () => {
    const written: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = buffer(
      async (rows) => {
        await gate;
        written.push(...rows);
      },
      { intervalMs: 60_000 },
    );
    for (let i = 0; i < 5; i++) b.push(i);
    const timerFlush = b.flush(); // as the timer would: it holds rows 0-4
    for (let i = 5; i < 8; i++) b.push(i);
    const own = b.flushNow();
    release();
    await own;
    await timerFlush;
    expect(written).toEqual([...Array(8).keys()]);
    expect(b.size).toBe(0);
  });

  it('keeps rows through failures and writes them after recovery, with backoff between attempts', async () => {
    let failing = true;
    let attempts = 0;
    const written: number[] = [];
    const b = buffer(async (rows) => {
      attempts += 1;
      if (failing) throw new Error('database down');
      written.push(...rows);
    });
    b.start();
    for (let i = 0; i < 30; i++) b.push(i);
    await sleep(150);
    expect(b.degraded).toBe(true);
    expect(written).toEqual([]);
    // 150 ms at 10/20/40/40.. ms backoff: a handful of attempts, not one per 20 ms tick nor a busy loop.
    expect(attempts).toBeGreaterThan(1);
    expect(attempts).toBeLessThan(8);
    failing = false;
    await sleep(120);
    expect(written).toEqual([...Array(30).keys()]);
    expect(b.degraded).toBe(false);
    await b.drain(100);
  });

  it('bounds memory: beyond maxRows new rows are dropped, counted and reported', async () => {
    const warn = jest.fn();
    const log = { ...logger, error: warn } as unknown as typeof logger;
    const onDrop = jest.fn();
    const b = buffer(() => Promise.reject(new Error('down')), { maxRows: 20, logger: log, onDrop });
    for (let i = 0; i < 25; i++) b.push(i);
    expect(b.size).toBe(20);
    expect(b.dropped).toBe(5);
    expect(onDrop).toHaveBeenCalledTimes(5);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ dropped: 1 }), expect.stringMatching(/buffer full/));
    await b.drain(50);
  });

  it('drain writes everything before returning, and reports what it could not write', async () => {
    const written: number[] = [];
    const slow = buffer(async (rows) => {
      await sleep(5);
      written.push(...rows);
    });
    for (let i = 0; i < 35; i++) slow.push(i);
    expect(await slow.drain(1000)).toBe(0);
    expect(written).toHaveLength(35);

    const down = buffer(() => Promise.reject(new Error('down')));
    down.push(1);
    expect(await down.drain(50)).toBe(1);
    expect(down.dropped).toBe(1);
  });
});

describe('log row shaping', () => {
  it('keeps whole field names within the column', () => {
    const many = Array.from({ length: 100 }, (_, i) => `field${i}`);
    const joined = joinFields(many);
    expect(joined.length).toBeLessThanOrEqual(500);
    expect(joined.split(',').every((f) => /^field\d+$/.test(f))).toBe(true);
  });

  it('cuts by code point, never through a surrogate pair', () => {
    expect(clip('😀😀😀', 2)).toBe('😀😀');
    expect(clip(null, 5)).toBeNull();
  });

  it('reads operation name, type and root fields from a refused request body', () => {
    expect(operationInfoFromBody({ query: 'query Q { shop { id } ...F } fragment F on Query { inventory { edges { cursor } } }' })).toEqual({
      operationName: 'Q',
      operationType: 'query',
      fields: ['shop', 'inventory'],
    });
    expect(operationInfoFromBody({ query: '{' })).toMatchObject({ operationType: 'unknown', fields: [] });
    expect(operationInfoFromBody({ query: `{ ${'a '.repeat(5000)} }` })).toMatchObject({ operationType: 'unknown' });
    expect(operationInfoFromBody(undefined)).toMatchObject({ operationType: 'unknown' });
  });
});
