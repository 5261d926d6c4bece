/**
 * BAC 4: a key expires exactly one year after it is created unless the
 * merchant picks another date. "One year" is the same calendar instant next
 * year in UTC (29 February rolls over to 1 March).
 */
export function defaultExpiry(now: Date = new Date()): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

export function isExpiringSoon(expiresAt: Date, now: Date, days: number): boolean {
  const ms = expiresAt.getTime() - now.getTime();
  return ms > 0 && ms <= days * 24 * 60 * 60 * 1000;
}
