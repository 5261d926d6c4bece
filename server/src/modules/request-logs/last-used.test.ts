import type { DataSource } from 'typeorm';
import { createLogger } from '../../logger';
import { LastUsedTracker } from './last-used';

// Memory only: nothing here reaches the timer or flushAll, so no database is needed
// (the writes are covered by test/request-logs.test.ts).
const tracker = () => new LastUsedTracker(null as unknown as DataSource, createLogger('silent'));
const t = (s: number) => new Date(Date.UTC(2026, 10, 24, 8, 0, s));

describe('LastUsedTracker in memory', () => {
  it('keeps the latest use of each secret of each key, never moving back', () => {
    const lu = tracker();
    expect(lu.get('a')).toBeUndefined();
    lu.note('a', false, t(10));
    lu.note('a', false, t(5)); // an older request finishing late
    lu.note('a', true, t(7));
    lu.note('b', true, t(3));
    expect(lu.get('a')).toEqual({ lastUsedAt: t(10), previousLastUsedAt: t(7) });
    expect(lu.get('b')).toEqual({ lastUsedAt: null, previousLastUsedAt: t(3) });
    lu.forgetPrevious('a');
    expect(lu.get('a')).toEqual({ lastUsedAt: t(10), previousLastUsedAt: null });
    lu.note('a', true, t(11));
    expect(lu.get('a')).toEqual({ lastUsedAt: t(10), previousLastUsedAt: t(11) });
  });

  it('keeps keys apart beyond its first allocation', () => {
    const lu = tracker();
    for (let i = 0; i < 300; i++) lu.note(`key${i}`, i % 2 === 1, t(i % 60));
    for (let i = 0; i < 300; i++) {
      expect(lu.get(`key${i}`)).toEqual(i % 2 === 1 ? { lastUsedAt: null, previousLastUsedAt: t(i % 60) } : { lastUsedAt: t(i % 60), previousLastUsedAt: null });
    }
  });
});
