import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../db/transaction';
import { badInput } from '../../graphql/errors';
import { toConnection } from '../../graphql/page-info';
import { InventoryItemEntity } from './inventory-item.entity';
import type { UpsertInventoryItemInput } from './inventory.inputs';
import { PageReads, type PageRow } from './page-reads';
import { toInventoryItem, type InventoryItem, type InventoryItemConnection } from './inventory.type';

const encode = (sku: string) => Buffer.from(sku).toString('base64url');

/** A shop's inventory. Every method takes the shop explicitly: the key's shop, never one from input. */
export class InventoryService {
  private readonly pages: PageReads;

  constructor(private readonly ds: DataSource) {
    this.pages = new PageReads(ds);
  }

  /** Ordered by SKU; the cursor is the last SKU seen (SKUs are unique per shop). The partner hot path. */
  async page(shopId: string, first: number, after?: string | null): Promise<InventoryItemConnection> {
    if (!Number.isInteger(first) || first < 1) throw badInput('first', 'first must be at least 1.');
    const rows = await this.pages.read({ shopId, limit: first + 1, afterSku: after ? decodeSku(after) : null });
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

const fromPageRow = (r: PageRow): InventoryItem => ({ id: r.id, sku: r.sku, title: r.title, priceCents: Number(r.price_cents), quantity: Number(r.quantity) });

function decodeSku(cursor: string): string {
  const sku = Buffer.from(cursor, 'base64url').toString();
  if (!sku || encode(sku) !== cursor) throw badInput('after', 'after is not a cursor from this list.');
  return sku;
}
