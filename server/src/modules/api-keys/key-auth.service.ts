import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { LRUCache } from 'lru-cache';
import { isWellFormedApiKey, KEY_LENGTH, normalizeScopes } from '@keysmith/shared';
import { fromDbDate } from '../../db/columns';
import { selectRows } from '../../db/prepared';
import type { VerifiedKey } from '../../graphql/context';
import type { Logger } from '../../logger';
import { KeyInvalidationBus } from './key-invalidation';

export type KeyRejection = 'invalid' | 'expired' | 'revoked';

export type KeyAuthResult =
  | { ok: true; key: VerifiedKey }
  | { ok: false; reason: KeyRejection; message: string; key?: { id: string; shopId: string; usedPreviousSecret: boolean } };

/** What the cache keeps per secret hash: enough to decide without I/O. Times in epoch ms. */
interface KnownKey {
  /** The key as a request with this secret sees it (which slot it matched included), built once per entry. */
  verified: VerifiedKey;
  expiresAt: number;
  revokedAt: number | null;
  previousValidUntil: number | null;
  cachedAt: number;
}
const UNKNOWN = 'unknown' as const;
type CacheEntry = KnownKey | { kind: typeof UNKNOWN; cachedAt: number };
/** Negative entries live in their own smaller LRU: a flood of well-formed garbage cannot evict good keys. */
const NEGATIVE_SHARE = 10;

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

const INVALID: KeyAuthResult = Object.freeze({ ok: false, reason: 'invalid', message: 'Invalid API key.' });

/** One-shot hashing (Node >= 20.12): no Hash object per request. */
const sha256 = (s: string) => crypto.hash('sha256', s, 'hex');

/**
 * The request path for API keys (keep it short; it runs on every partner call):
 * format + checksum (no I/O) -> SHA-256 -> cache -> one indexed lookup in either
 * secret slot -> status, expiry and rotation checks against the clock.
 */
export class KeyAuthService {
  private readonly cache: LRUCache<string, KnownKey>;
  private readonly unknown: LRUCache<string, number>;
  /** keyId -> hashes cached for it, so one invalidation drops both slots. */
  private readonly hashesByKey = new Map<string, Set<string>>();
  /** One database read per hash at a time: a cold or expired hot key costs one query, not one per connection. */
  private readonly loading = new Map<string, { epoch: number; entry: Promise<CacheEntry> }>();
  /**
   * Bumped by every invalidation. A read that started before an invalidation may have seen the
   * row before the change committed: its answer serves that one request but is not cached.
   */
  private epoch = 0;
  private readonly bus: KeyInvalidationBus;
  private readonly sqlLookup: string;

  constructor(
    private readonly ds: DataSource,
    logger: Logger,
    redisUrl: string | undefined,
    private readonly opts: KeyAuthOptions,
  ) {
    this.cache = new LRUCache<string, KnownKey>({
      max: opts.maxEntries,
      dispose: (entry, hash) => {
        const hashes = this.hashesByKey.get(entry.verified.id);
        hashes?.delete(hash);
        if (hashes?.size === 0) this.hashesByKey.delete(entry.verified.id);
      },
    });
    this.unknown = new LRUCache<string, number>({ max: Math.max(100, Math.ceil(opts.maxEntries / NEGATIVE_SHARE)) });
    this.bus = new KeyInvalidationBus(redisUrl, logger, (id) => this.dropLocal(id), () => this.clear());
    this.sqlLookup =
      'SELECT id, shop_id, merchant_id, scopes, hash, previous_hash, previous_valid_until, expires_at, revoked_at ' +
      'FROM api_key WHERE hash = ? UNION ALL ' +
      'SELECT id, shop_id, merchant_id, scopes, hash, previous_hash, previous_valid_until, expires_at, revoked_at ' +
      'FROM api_key WHERE previous_hash = ?';
  }

  /** `verify` as a promise, for callers that do not mind a microtask (Apollo's path, tests). */
  async authenticate(rawKey: string, now = Date.now()): Promise<KeyAuthResult> {
    return this.verify(rawKey, now);
  }

  /**
   * The answer itself when memory has it (a cache hit, a remembered unknown hash, a wrong
   * length), else a promise of it. The partner fast path takes a hit without allocating a
   * promise or waiting a microtask: that work would be verification's alone, since a request
   * without a key has none of it (bench/FINDINGS.md, "Key verification's cost").
   */
  verify(rawKey: string, now = Date.now()): KeyAuthResult | Promise<KeyAuthResult> {
    // The length first (it bounds what gets hashed), then the cache: a cached hash was a
    // well-formed key when it was stored, so format and checksum are checked only before
    // the database is asked. A hit then costs one SHA-256 and one map lookup.
    if (rawKey.length !== KEY_LENGTH) return INVALID;
    const hash = sha256(rawKey);
    const entry = this.cached(hash, now);
    if (entry !== undefined) return settle(entry, now);
    if (!isWellFormedApiKey(rawKey)) return INVALID;
    return this.loadOnce(hash, now).then((e) => settle(e, now));
  }

  /** After a regenerate, end of rotation or revoke commits: drop it here and on every other instance. */
  async invalidateKey(keyId: string): Promise<void> {
    this.dropLocal(keyId);
    await this.bus.publish(keyId);
  }

  get busHealthy(): boolean {
    return this.bus.healthy;
  }

  /** True once invalidations are being received (at once without Redis); false after `timeoutMs`. */
  busReady(timeoutMs: number): Promise<boolean> {
    return this.bus.ready(timeoutMs);
  }

  close(): Promise<void> {
    return this.bus.close();
  }

  /** A fresh entry, or undefined. The TTL is judged now, so losing Redis shortens every entry at once. */
  private cached(hash: string, now: number): CacheEntry | undefined {
    const known = this.cache.get(hash);
    if (known) {
      const ttl = this.bus.healthy ? this.opts.ttlWithBusMs : this.opts.ttlWithoutBusMs;
      return now - known.cachedAt <= ttl ? known : undefined;
    }
    const unknownAt = this.unknown.get(hash);
    return unknownAt !== undefined && now - unknownAt <= this.opts.negativeTtlMs ? { kind: UNKNOWN, cachedAt: unknownAt } : undefined;
  }

  /** Joins a read already under way unless an invalidation came since it started. */
  private loadOnce(hash: string, now: number): Promise<CacheEntry> {
    const under = this.loading.get(hash);
    if (under && under.epoch === this.epoch) return under.entry;
    const epoch = this.epoch;
    const entry = this.load(hash, now).then((e) => {
      if (epoch === this.epoch) this.remember(hash, e);
      return e;
    });
    const mine = { epoch, entry };
    this.loading.set(hash, mine);
    const done = () => {
      if (this.loading.get(hash) === mine) this.loading.delete(hash);
    };
    entry.then(done, done);
    return entry;
  }

  private dropLocal(keyId: string): void {
    this.epoch += 1;
    const hashes = this.hashesByKey.get(keyId);
    if (!hashes) return;
    for (const h of [...hashes]) this.cache.delete(h);
    this.hashesByKey.delete(keyId);
  }

  /** After Redis comes back: invalidations may have been missed meanwhile. */
  private clear(): void {
    this.epoch += 1;
    this.cache.clear();
    this.unknown.clear();
  }

  private remember(hash: string, entry: CacheEntry): void {
    if (!('verified' in entry)) {
      this.unknown.set(hash, entry.cachedAt);
      return;
    }
    this.unknown.delete(hash);
    this.cache.set(hash, entry);
    let set = this.hashesByKey.get(entry.verified.id);
    if (!set) this.hashesByKey.set(entry.verified.id, (set = new Set()));
    set.add(hash);
  }

  /**
   * Verification's one database read: both secret slots, as a prepared statement on MySQL
   * (TypeORM's `query` formats the SQL text anew for every call). A method of its own so the
   * tests can count and hold the lookups.
   */
  protected readKeyRows(hash: string): Promise<Array<Record<string, unknown>>> {
    return selectRows<Record<string, unknown>>(this.ds, this.sqlLookup, [hash, hash]);
  }

  private async load(hash: string, now: number): Promise<CacheEntry> {
    let rows: Array<Record<string, unknown>>;
    try {
      rows = await this.readKeyRows(hash);
    } catch (e) {
      // Fail closed: without the database we cannot tell a revoked key from a good one.
      throw new DatabaseUnavailableError((e as Error).message);
    }
    const row = rows[0];
    if (!row) return { kind: UNKNOWN, cachedAt: now };
    return {
      verified: {
        id: String(row.id),
        shopId: String(row.shop_id),
        merchantId: String(row.merchant_id),
        scopes: normalizeScopes(String(row.scopes).split(',')),
        usedPreviousSecret: row.hash !== hash,
      },
      expiresAt: (fromDbDate(row.expires_at) as Date).getTime(),
      revokedAt: fromDbDate(row.revoked_at)?.getTime() ?? null,
      previousValidUntil: fromDbDate(row.previous_valid_until)?.getTime() ?? null,
      cachedAt: now,
    };
  }
}

function settle(entry: CacheEntry, now: number): KeyAuthResult {
  return 'verified' in entry ? decide(entry, now) : INVALID;
}

/** Status, expiry and rotation are checked against the clock on every request, cached or not. */
function decide(k: KnownKey, now: number): KeyAuthResult {
  const { id, shopId, usedPreviousSecret } = k.verified;
  const known = { id, shopId, usedPreviousSecret };
  if (k.revokedAt !== null) return { ok: false, reason: 'revoked', message: 'This API key has been revoked.', key: known };
  if (k.expiresAt <= now) {
    return { ok: false, reason: 'expired', message: `This API key expired at ${new Date(k.expiresAt).toISOString()}.`, key: known };
  }
  if (usedPreviousSecret && (k.previousValidUntil === null || k.previousValidUntil <= now)) {
    const when = k.previousValidUntil ? ` at ${new Date(k.previousValidUntil).toISOString()}` : '';
    return { ok: false, reason: 'expired', message: `This secret was rotated out${when}; use the key's new secret.`, key: known };
  }
  return { ok: true, key: k.verified };
}
