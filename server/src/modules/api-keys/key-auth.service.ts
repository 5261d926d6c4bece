import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { LRUCache } from 'lru-cache';
import { isWellFormedApiKey, normalizeScopes, type ApiScopeName } from '@keysmith/shared';
import { fromDbDate } from '../../db/columns';
import type { VerifiedKey } from '../../graphql/context';
import type { Logger } from '../../logger';
import { KeyInvalidationBus } from './key-invalidation';

export type KeyRejection = 'invalid' | 'expired' | 'revoked';

export type KeyAuthResult =
  | { ok: true; key: VerifiedKey }
  | { ok: false; reason: KeyRejection; message: string; key?: { id: string; shopId: string; usedPreviousSecret: boolean } };

/** What the cache keeps per secret hash: enough to decide without I/O. Times in epoch ms. */
interface KnownKey {
  id: string;
  shopId: string;
  merchantId: string;
  scopes: readonly ApiScopeName[];
  slot: 'current' | 'previous';
  expiresAt: number;
  revokedAt: number | null;
  previousValidUntil: number | null;
  cachedAt: number;
}
const UNKNOWN = 'unknown' as const;
type CacheEntry = KnownKey | { kind: typeof UNKNOWN; cachedAt: number };

export interface KeyAuthOptions {
  /** Entry lifetime while Redis invalidation is live. */
  ttlWithBusMs: number;
  /** Entry lifetime without Redis: bounds how long another instance may honour a revoked key. */
  ttlWithoutBusMs: number;
  /** Unknown hashes are remembered briefly so garbage keys cannot hammer the database. */
  negativeTtlMs: number;
  maxEntries: number;
}

export class DatabaseUnavailableError extends Error {}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * The request path for API keys (keep it short; it runs on every partner call):
 * format + checksum (no I/O) -> SHA-256 -> cache -> one indexed lookup in either
 * secret slot -> status, expiry and rotation checks against the clock.
 */
export class KeyAuthService {
  private readonly cache: LRUCache<string, CacheEntry>;
  /** keyId -> hashes cached for it, so one invalidation drops both slots. */
  private readonly hashesByKey = new Map<string, Set<string>>();
  private readonly bus: KeyInvalidationBus;
  private readonly sqlLookup: string;

  constructor(
    private readonly ds: DataSource,
    logger: Logger,
    redisUrl: string | undefined,
    private readonly opts: KeyAuthOptions,
  ) {
    this.cache = new LRUCache<string, CacheEntry>({
      max: opts.maxEntries,
      dispose: (entry, hash) => {
        if ('id' in entry) this.hashesByKey.get(entry.id)?.delete(hash);
      },
    });
    this.bus = new KeyInvalidationBus(redisUrl, logger, (id) => this.dropLocal(id), () => this.cache.clear());
    this.sqlLookup =
      'SELECT id, shop_id, merchant_id, scopes, hash, previous_hash, previous_valid_until, expires_at, revoked_at ' +
      'FROM api_key WHERE hash = ? UNION ALL ' +
      'SELECT id, shop_id, merchant_id, scopes, hash, previous_hash, previous_valid_until, expires_at, revoked_at ' +
      'FROM api_key WHERE previous_hash = ?';
  }

  async authenticate(rawKey: string, now = Date.now()): Promise<KeyAuthResult> {
    if (!isWellFormedApiKey(rawKey)) return { ok: false, reason: 'invalid', message: 'Invalid API key.' };
    const hash = sha256(rawKey);
    let entry = this.cache.get(hash);
    if (!entry || now - entry.cachedAt > this.ttlFor(entry)) {
      entry = await this.load(hash, now);
      this.remember(hash, entry);
    }
    if (!('id' in entry)) return { ok: false, reason: 'invalid', message: 'Invalid API key.' };
    return decide(entry, now);
  }

  /** After a regenerate, end of rotation or revoke commits: drop it here and on every other instance. */
  async invalidateKey(keyId: string): Promise<void> {
    this.dropLocal(keyId);
    await this.bus.publish(keyId);
  }

  get busHealthy(): boolean {
    return this.bus.healthy;
  }

  close(): Promise<void> {
    return this.bus.close();
  }

  private ttlFor(entry: CacheEntry): number {
    if (!('id' in entry)) return this.opts.negativeTtlMs;
    return this.bus.healthy ? this.opts.ttlWithBusMs : this.opts.ttlWithoutBusMs;
  }

  private dropLocal(keyId: string): void {
    const hashes = this.hashesByKey.get(keyId);
    if (!hashes) return;
    for (const h of [...hashes]) this.cache.delete(h);
    this.hashesByKey.delete(keyId);
  }

  private remember(hash: string, entry: CacheEntry): void {
    this.cache.set(hash, entry);
    if ('id' in entry) {
      let set = this.hashesByKey.get(entry.id);
      if (!set) this.hashesByKey.set(entry.id, (set = new Set()));
      set.add(hash);
    }
  }

  private async load(hash: string, now: number): Promise<CacheEntry> {
    let rows: Array<Record<string, unknown>>;
    try {
      rows = await this.ds.query(this.sqlLookup, [hash, hash]);
    } catch (e) {
      // Fail closed: without the database we cannot tell a revoked key from a good one.
      throw new DatabaseUnavailableError((e as Error).message);
    }
    const row = rows[0];
    if (!row) return { kind: UNKNOWN, cachedAt: now };
    return {
      id: String(row.id),
      shopId: String(row.shop_id),
      merchantId: String(row.merchant_id),
      scopes: normalizeScopes(String(row.scopes).split(',')),
      slot: row.hash === hash ? 'current' : 'previous',
      expiresAt: (fromDbDate(row.expires_at) as Date).getTime(),
      revokedAt: fromDbDate(row.revoked_at)?.getTime() ?? null,
      previousValidUntil: fromDbDate(row.previous_valid_until)?.getTime() ?? null,
      cachedAt: now,
    };
  }
}

/** Status, expiry and rotation are checked against the clock on every request, cached or not. */
function decide(k: KnownKey, now: number): KeyAuthResult {
  const usedPreviousSecret = k.slot === 'previous';
  const known = { id: k.id, shopId: k.shopId, usedPreviousSecret };
  if (k.revokedAt !== null) return { ok: false, reason: 'revoked', message: 'This API key has been revoked.', key: known };
  if (k.expiresAt <= now) {
    return { ok: false, reason: 'expired', message: `This API key expired at ${new Date(k.expiresAt).toISOString()}.`, key: known };
  }
  if (usedPreviousSecret && (k.previousValidUntil === null || k.previousValidUntil <= now)) {
    const when = k.previousValidUntil ? ` at ${new Date(k.previousValidUntil).toISOString()}` : '';
    return { ok: false, reason: 'expired', message: `This secret was rotated out${when}; use the key's new secret.`, key: known };
  }
  return { ok: true, key: { id: k.id, shopId: k.shopId, merchantId: k.merchantId, scopes: k.scopes, usedPreviousSecret } };
}
