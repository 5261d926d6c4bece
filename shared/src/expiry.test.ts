import { defaultExpiry, isExpiringSoon } from './expiry';

describe('defaultExpiry (BAC 4)', () => {
  it('is exactly one calendar year later, in UTC', () => {
    expect(defaultExpiry(new Date('2026-11-23T10:15:00.000Z')).toISOString()).toBe('2027-11-23T10:15:00.000Z');
  });
  it('rolls 29 February over to 1 March', () => {
    expect(defaultExpiry(new Date('2028-02-29T00:00:00.000Z')).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });
  it('flags keys expiring within the window only', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(isExpiringSoon(new Date('2026-01-20T00:00:00Z'), now, 30)).toBe(true);
    expect(isExpiringSoon(new Date('2026-03-01T00:00:00Z'), now, 30)).toBe(false);
    expect(isExpiringSoon(new Date('2025-12-01T00:00:00Z'), now, 30)).toBe(false);
  });
});
