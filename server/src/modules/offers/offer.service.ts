import crypto from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { badInput, notFound } from '../../graphql/errors';
import { toConnection } from '../../graphql/page-info';
import { sqlDate } from '../../db/columns';
import { InventoryItemEntity } from '../inventory/inventory-item.entity';
import { toInventoryItem } from '../inventory/inventory.type';
import { OfferEntity } from './offer.entity';
import type { SubmitOfferInput } from './offer.inputs';
import type { Offer, OfferConnection } from './offer.type';

interface OfferCursor {
  at: Date;
  id: string;
}
const encode = (o: OfferEntity) => Buffer.from(`${o.createdAt.toISOString()}|${o.id}`).toString('base64url');

/** Offers on a shop's items. Every method takes the shop explicitly. */
export class OfferService {
  constructor(private readonly ds: DataSource) {}

  /** Newest first (createdAt, then id, both descending). */
  async page(shopId: string, first: number, after?: string | null): Promise<OfferConnection> {
    const qb = this.ds
      .getRepository(OfferEntity)
      .createQueryBuilder('o')
      .where('o.shopId = :shopId', { shopId })
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(first + 1);
    if (after) {
      const c = decode(after);
      // SQLite stores times as text: compare with sqlDate(), never a Date object.
      qb.andWhere('(o.createdAt < :at OR (o.createdAt = :at AND o.id < :id))', { at: sqlDate(c.at), id: c.id });
    }
    const rows = await qb.getMany();
    const items = await this.itemsById(rows.map((r) => r.inventoryItemId));
    return toConnection(rows, first, (r) => this.toOffer(r, items.get(r.inventoryItemId) as InventoryItemEntity), encode);
  }

  async submit(shopId: string, apiKeyId: string | null, input: SubmitOfferInput): Promise<Offer> {
    const item = await this.ds.getRepository(InventoryItemEntity).findOneBy({ id: input.inventoryItemId, shopId });
    // Another shop's item answers exactly like a missing one.
    if (!item) throw notFound('Inventory item');
    const note = input.note?.trim() || null;
    const offer = this.ds.getRepository(OfferEntity).create({
      id: crypto.randomUUID(),
      shopId,
      inventoryItemId: item.id,
      amountCents: input.amountCents,
      note,
      apiKeyId,
      createdAt: new Date(),
    });
    await this.ds.getRepository(OfferEntity).insert(offer);
    return this.toOffer(offer, item);
  }

  private async itemsById(ids: string[]): Promise<Map<string, InventoryItemEntity>> {
    if (ids.length === 0) return new Map();
    const items = await this.ds.getRepository(InventoryItemEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(items.map((i) => [i.id, i]));
  }

  private toOffer(o: OfferEntity, item: InventoryItemEntity): Offer {
    return { id: o.id, item: toInventoryItem(item), amountCents: o.amountCents, note: o.note, createdAt: o.createdAt };
  }
}

function decode(cursor: string): OfferCursor {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (Number.isNaN(at.getTime()) || !id) throw badInput('after', 'after is not a cursor from this list.');
  return { at, id };
}
