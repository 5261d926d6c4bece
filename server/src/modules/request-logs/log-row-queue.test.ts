import { decodeRows, SEGMENT_BYTES } from './encoded-rows';
import { LogRowQueue } from './log-row-queue';
import { NULL_ENTRY, RowDictionary } from './row-dictionary';
import type { LogRow } from './log-row';
import { rowValues } from '../../../test/support/load-data';

const base: LogRow = {
  at: new Date('2026-11-24T07:30:01.007Z'),
  apiKeyId: 'cc60e888-0000-4000-8000-000000000001',
  shopId: '09373c03-240d-467b-a8da-28d884c86b6f',
  usedPreviousSecret: false,
  operationName: 'Inventory',
  operationType: 'query',
  fields: ['inventory'],
  httpStatus: 200,
  errorCode: null,
  durationMs: 12.3456789,
  ip: '127.0.0.1',
  userAgent: null,
};

function queueOf(rows: readonly LogRow[]): LogRowQueue {
  const q = new LogRowQueue();
  for (const r of rows) q.push(r);
  return q;
}

/** The LOAD DATA input as text, split into lines and fields (without unescaping). */
const lines = (q: LogRowQueue) => Buffer.concat(q.peek(q.length).pieces as Buffer[]).toString('utf8').split('\n').slice(0, -1);

describe('LogRowQueue', () => {
  it('keeps each row as a LOAD DATA line that reads back into the INSERT path\'s values, odd ones included', () => {
    const rows: LogRow[] = [
      base,
      { ...base, usedPreviousSecret: true, httpStatus: 403, errorCode: 'FORBIDDEN', durationMs: 0 },
      { ...base, at: new Date('1969-12-31T23:59:59.999Z'), durationMs: 0.0004 },
      { ...base, at: new Date('2026-11-24T07:30:01.000Z'), durationMs: 0.0005, httpStatus: 5, ip: null },
      { ...base, durationMs: 1234567.8915, httpStatus: 1000 },
      { ...base, operationName: 'tab\there line\nbreak\r back\\slash nul\u0000', userAgent: '\\N' },
      // Non-ASCII first, then characters to escape: the part after the first non-ASCII unit takes another way.
      { ...base, operationName: 'snowman \u2603\ttab \u{1F511}\\', userAgent: 'caf\u00e9\n' },
      { ...base, operationName: 'x'.repeat(150), fields: Array.from({ length: 100 }, (_, i) => `field${i}`), userAgent: '\u{1F511}'.repeat(400) },
      { ...base, operationName: null, operationType: 'unknown', fields: [], userAgent: '' },
    ];
    const q = queueOf(rows);
    expect(q.length).toBe(rows.length);
    expect(decodeRows(q.peek(q.length))).toEqual(rows.map(rowValues));
    // LOAD DATA's own reading of a few of them: escapes, \N for NULL, the time and duration as MySQL parses them.
    expect(lines(q)[0]).toBe('2026-11-24 07:30:01.007\tcc60e888-0000-4000-8000-000000000001\t09373c03-240d-467b-a8da-28d884c86b6f\t0\tInventory\tquery\tinventory\t200\t\\N\t12.346\t127.0.0.1\t\\N');
    expect(lines(q)[5]).toContain('\ttab\\there line\\nbreak\\r back\\\\slash nul\\0\t');
    expect(lines(q)[6]).toMatch(/\tsnowman \u2603\\ttab \u{1F511}\\\\\t.*\tcaf\u00e9\\n$/u);
  });

  it('hands out the oldest rows first, keeps them until shifted, and cuts a batch at segment ends', () => {
    const rows = Array.from({ length: 5000 }, (_, i): LogRow => ({ ...base, operationName: `Op${i}`, userAgent: i % 7 === 0 ? '\u{1F511}'.repeat(300) : 'curl/8' }));
    const q = queueOf(rows);
    const all = q.peek(5000);
    expect(all.rows).toBe(5000);
    expect(all.pieces.length).toBeGreaterThan(2);
    for (const p of all.pieces) {
      expect(p.at(-1)).toBe(0x0a);
      expect(p.length).toBeLessThan(SEGMENT_BYTES + 1500);
    }
    // Peeking does not consume; a smaller batch is the same rows' start.
    const first = q.peek(1234);
    expect(first.rows).toBe(1234);
    expect(decodeRows(first)).toEqual(rows.slice(0, 1234).map(rowValues));
    q.shift(1234);
    expect(q.length).toBe(3766);
    expect(decodeRows(q.peek(10))).toEqual(rows.slice(1234, 1244).map(rowValues));
    // Rows pushed after a peek come after it, and a batch never holds more than there is.
    q.push({ ...base, operationName: 'Late' });
    const rest = q.peek(10_000);
    expect(rest.rows).toBe(3767);
    expect(decodeRows(rest)).toEqual([...rows.slice(1234), { ...base, operationName: 'Late' }].map(rowValues));
    q.shift(3767);
    expect(q.length).toBe(0);
    expect(q.peek(10)).toEqual({ rows: 0, pieces: [] });
  });

  it('keeps waiting rows intact while the ring wraps around and grows, and after a clear', () => {
    const q = new LogRowQueue();
    const row = (i: number): LogRow => ({ ...base, operationName: `Op${i}` });
    let next = 0;
    // Many rounds of "some arrive, older ones are written", with a backlog growing to many times the
    // ring's first size: rows wrap around its end and move when it doubles; far more bytes go
    // through than the segments kept for reuse hold.
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 1500; i++) q.push(row(next++));
      expect(decodeRows(q.peek(q.length)).map((v) => v[4])).toEqual(Array.from({ length: q.length }, (_, i) => `Op${next - q.length + i}`));
      q.shift(1000);
    }
    expect(q.length).toBe(40 * 500);
    q.clear();
    expect(q.length).toBe(0);
    q.push(row(1));
    expect(decodeRows(q.peek(1))).toEqual([rowValues(row(1))]);
  });

  it('prepares a key\'s and an operation\'s columns once, yet every row keeps its own values', () => {
    const fields = ['inventory'];
    const rows: LogRow[] = [];
    for (let i = 0; i < 2500; i++) {
      rows.push({
        ...base,
        // More keys than the cache keeps, the same key in two shops, and one key seen again and again.
        apiKeyId: i % 3 === 0 ? base.apiKeyId : `key-${i % 1300}`,
        shopId: i % 5 === 0 ? 'other-shop' : base.shopId,
        // One operation name with the same fields array, another array, another type, and none.
        operationName: i % 7 === 0 ? null : i % 11 === 0 ? 'tab\tName' : 'Inventory',
        operationType: i % 13 === 0 ? 'mutation' : 'query',
        fields: i % 4 === 0 ? ['shop', 'inventory'] : fields,
        usedPreviousSecret: i % 2 === 0,
      });
    }
    const q = queueOf(rows);
    expect(decodeRows(q.peek(q.length))).toEqual(rows.map(rowValues));
    expect(lines(q)[11]).toContain('\ttab\\tName\tquery\tinventory\t');
  });

  it('starts a new dictionary when one is full, and reads every row with its own, across flushes', () => {
    const q = new LogRowQueue();
    // Far more distinct user agents and addresses than a dictionary holds, some long, written in
    // pieces while more arrive: rows of two or three dictionaries wait at once.
    const row = (i: number): LogRow => ({
      ...base,
      userAgent: `agent-${i}-${i % 5 === 0 ? '\u00e9'.repeat(250) : ''}`,
      ip: `10.0.${i % 200}.${i % 250}`,
      errorCode: i % 3 === 0 ? `CODE_${i % 50}` : null,
      operationName: `Op${i % 3000}`,
    });
    let next = 0;
    let written: LogRow[] = [];
    const all: LogRow[] = [];
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 2000; i++) {
        const r = row(next++);
        q.push(r);
        all.push(r);
      }
      const batch = q.peek(1500);
      const expected = all.slice(written.length, written.length + 1500);
      expect(decodeRows(batch)).toEqual(expected.map(rowValues));
      q.shift(1500);
      written = written.concat(expected);
    }
    expect(decodeRows(q.peek(q.length))).toEqual(all.slice(written.length).map(rowValues));
  });

  it('hands out the same batch again while its rows are still the oldest (a retried write), and the next rows once shifted', () => {
    const q = queueOf(Array.from({ length: 20 }, (_, i): LogRow => ({ ...base, operationName: `Op${i}` })));
    const first = q.peek(10);
    q.push({ ...base, operationName: 'Late' });
    expect(q.peek(10)).toBe(first);
    expect(decodeRows(q.peek(10)).map((v) => v[4])).toEqual(Array.from({ length: 10 }, (_, i) => `Op${i}`));
    q.shift(10);
    expect(decodeRows(q.peek(100)).map((v) => v[4])).toEqual([...Array.from({ length: 10 }, (_, i) => `Op${i + 10}`), 'Late']);
  });

  it('records a row whose time is not a time as happening now, so it cannot block the batches after it', () => {
    const before = Date.now();
    const q = queueOf([{ ...base, at: new Date(Number.NaN) }]);
    const [values] = decodeRows(q.peek(1));
    const at = new Date(`${String(values?.[0])}Z`).getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});

describe('RowDictionary', () => {
  it('keeps one entry per distinct value: the same operation from a new fields array reuses it, other text does not', () => {
    const d = new RowDictionary();
    const op = d.operation('Inventory', 'query', ['inventory']);
    expect(d.operation('Inventory', 'query', ['inventory'])).toBe(op);
    expect(d.operation('Inventory', 'query', ['shop'])).not.toBe(op);
    expect(d.operation('Inventory', 'mutation', ['shop'])).not.toBe(op);
    expect(d.userAgent(null)).toBe(NULL_ENTRY);
    const ua = d.userAgent('curl/8');
    expect(d.userAgent(`curl/${8}`)).toBe(ua);
    // The same text in another column is clipped to that column's width, so it is another entry.
    expect(d.ip('curl/8')).not.toBe(ua);
    const key = d.key('k1', 'shop-a');
    expect(d.key('k1', 'shop-a')).toBe(key);
    expect(d.key('k1', 'shop-b')).not.toBe(key);
    expect(d.part(key).toString()).toBe('k1\tshop-a');
    // Keyed by what the column keeps: values that differ only past its width share one entry.
    const long = d.userAgent(`${'x'.repeat(300)}a`);
    expect(d.userAgent(`${'x'.repeat(300)}b`)).toBe(long);
    expect(d.part(long).length).toBe(300);
    expect(d.operation(`${'n'.repeat(100)}a`, 'query', ['shop'])).toBe(d.operation(`${'n'.repeat(100)}b`, 'query', ['shop']));
    expect(d.full).toBe(false);
  });
});
