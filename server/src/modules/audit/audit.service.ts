import type { DataSource, EntityManager } from 'typeorm';
import { toConnection } from '../../graphql/page-info';
import { badInput } from '../../graphql/errors';
import { AuditEventEntity } from './audit-event.entity';
import { toAuditEvent, type AuditAction, type AuditEventConnection } from './audit.type';

export interface AuditRecord {
  merchantId: string;
  action: AuditAction;
  shopId?: string | null;
  apiKeyId?: string | null;
  detail?: string | null;
  ip?: string | null;
}

/** Append-only trail of key and limit changes, readable by the owning merchant. */
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /** Written inside the caller's transaction: the change and its record land together or not at all. */
  async record(em: EntityManager, r: AuditRecord, at: Date = new Date()): Promise<void> {
    await em.insert(AuditEventEntity, {
      merchantId: r.merchantId,
      action: r.action,
      shopId: r.shopId ?? null,
      apiKeyId: r.apiKeyId ?? null,
      detail: r.detail?.slice(0, 500) ?? null,
      ip: r.ip?.slice(0, 64) || null,
      at,
    });
  }

  /** Newest first; the cursor is the event's id (ids only grow). */
  async list(merchantId: string, first: number, after?: string | null): Promise<AuditEventConnection> {
    const qb = this.ds
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.merchantId = :merchantId', { merchantId })
      .orderBy('e.id', 'DESC')
      .take(first + 1);
    if (after) qb.andWhere('e.id < :after', { after: decodeId(after) });
    const rows = await qb.getMany();
    return toConnection(rows, first, toAuditEvent, (r) => Buffer.from(String(r.id)).toString('base64url'));
  }
}

function decodeId(cursor: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isSafeInteger(n) || n <= 0) throw badInput('after', 'after is not a cursor from this list.');
  return n;
}
