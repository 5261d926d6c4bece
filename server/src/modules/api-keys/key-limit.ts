import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@keysmith/shared';
import { sqlDate } from '../../db/columns';
import { lockClause } from '../../db/transaction';
import { appError, notFound } from '../../graphql/errors';

/**
 * The active-key limit (BAC 6) must hold when many requests race. Every
 * change that can add an ACTIVE key first locks the shop row (FOR UPDATE on
 * MySQL; SQLite transactions are already serialised by inTransaction), then
 * counts. The count runs after the lock is granted, so on InnoDB its read view
 * includes every key committed by the transaction that held the lock before.
 * Lock order everywhere: shop, then key (no deadlock cycles).
 */
export async function lockOwnedShop(ds: DataSource, em: EntityManager, merchantId: string, shopId: string): Promise<{ maxActiveKeys: number }> {
  const rows: Array<{ max_active_keys: number | string }> = await em.query(
    `SELECT max_active_keys FROM shop WHERE id = ? AND merchant_id = ?${lockClause(ds)}`,
    [shopId, merchantId],
  );
  const row = rows[0];
  if (!row) throw notFound('Shop');
  return { maxActiveKeys: Number(row.max_active_keys) };
}

/** ACTIVE = not revoked and not yet expired; EXPIRED and REVOKED keys do not count. */
export async function countActiveKeys(em: EntityManager, shopId: string, now: Date): Promise<number> {
  const rows: Array<{ n: number | string }> = await em.query(
    'SELECT COUNT(*) AS n FROM api_key WHERE shop_id = ? AND revoked_at IS NULL AND expires_at > ?',
    [shopId, sqlDate(now)],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function assertRoomForActiveKey(em: EntityManager, shopId: string, max: number, now: Date): Promise<void> {
  const active = await countActiveKeys(em, shopId, now);
  if (active >= max) {
    throw appError(
      ErrorCode.KEY_LIMIT_REACHED,
      `This shop already has ${active} active key${active === 1 ? '' : 's'} (the limit is ${max}). Regenerate or revoke an existing key, or raise the limit.`,
      { limit: max, active },
    );
  }
}
