import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { selectRows } from '../../db/prepared';
import { inTransaction } from '../../db/transaction';
import { badInput } from '../../graphql/errors';
import { toConnection } from '../../graphql/page-info';
import { InventoryItemEntity } from './inventory-item.entity';
import type { UpsertInventoryItemInput } from './inventory.inputs';
import { toInventoryItem, type InventoryItem, type InventoryItemConnection } from './inventory.type';

const encode = (sku: string) => Buffer.from(sku).toString('base64url');

/** A shop's inventory. Every method takes the shop explicitly: the key's shop, never one from input. */
export class InventoryService {
  constructor(private readonly ds: DataSource) {}

  /** Ordered by SKU; the cursor is the last SKU seen (SKUs are unique per shop). The partner hot path. */
  async page(shopId: string, first: number, after?: string | null): Promise<InventoryItemConnection> {
    if (!Number.isInteger(first) || first < 1) throw badInput('first', 'first must be at least 1.');
    const params = after ? [shopId, decodeSku(after)] : [shopId];
    const rows = await selectRows<PageRow>(this.ds, pageSql(first + 1, Boolean(after)), params);
    return toConnection(rows, first, fromPageRow, (r) => encode(r.sku));
  }

  async upsert(shopId: string, input: UpsertInventoryItemInput): Promise<InventoryItem> {
    const sku = input.sku.trim();
    const title = input.title.trim();
    const attempt = () =>
      inTransaction(this.ds, async (em) => {
        const now = new Date();
        const existing = await em.findOneBy(InventoryItemEntity, { shopId, sku });
        if (existing) {
          Object.assign(existing, { title, priceCents: input.priceCents, quantity: input.quantity, updatedAt: now });
          await em.save(InventoryItemEntity, existing);
          return existing;
        }
        const item = em.create(InventoryItemEntity, { id: crypto.randomUUID(), shopId, sku, title, priceCents: input.priceCents, quantity: input.quantity, createdAt: now, updatedAt: now });
        await em.insert(InventoryItemEntity, item);
        return item;
      });
    try {
      return toInventoryItem(await attempt());
    } catch (e) {
      // Two first upserts of one SKU racing on MySQL: the unique index decides; the loser updates.
      if (/duplicate|unique/i.test((e as Error).message)) return toInventoryItem(await attempt());
      throw e;
    }
  }

  /** NOT_FOUND-style lookups must stay inside the shop: another shop's item is no item. */
  findInShop(shopId: string, id: string): Promise<InventoryItemEntity | null> {
    return this.ds.getRepository(InventoryItemEntity).findOneBy({ id, shopId });
  }
}

/**
 * The page statement. Every column is in IDX_inventory_page, so it is answered from
 * that index alone (test/inventory-page.mysql.test.ts checks the plan). LIMIT is a
 * validated integer literal: MySQL prepared statements refuse some numeric LIMIT parameters.
 */
export function pageSql(limit: number, afterCursor: boolean): string {
  const where = afterCursor ? 'shop_id = ? AND sku > ?' : 'shop_id = ?';
  return `SELECT id, sku, title, price_cents, quantity FROM inventory_item WHERE ${where} ORDER BY sku LIMIT ${limit}`;
}

interface PageRow {
  id: string;
  sku: string;
  title: string;
  price_cents: number;
  quantity: number;
}

const fromPageRow = (r: PageRow): InventoryItem => ({ id: r.id, sku: r.sku, title: r.title, priceCents: Number(r.price_cents), quantity: Number(r.quantity) });

function decodeSku(cursor: string): string {
  const sku = Buffer.from(cursor, 'base64url').toString();
  if (!sku || encode(sku) !== cursor) throw badInput('after', 'after is not a cursor from this list.');
  return sku;
}
