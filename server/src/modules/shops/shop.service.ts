import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_MAX_ACTIVE_KEYS } from '@keysmith/shared';
import { notFound } from '../../graphql/errors';
import { ShopEntity } from './shop.entity';

export interface NewShop {
  name: string;
  url?: string | null;
  logoUrl?: string | null;
  logo?: { mime: string; data: Buffer } | null;
  isHeadless?: boolean;
}

/** Shops belong to one merchant; every method takes that merchant explicitly. */
export class ShopService {
  constructor(private readonly ds: DataSource) {}

  listForMerchant(merchantId: string): Promise<ShopEntity[]> {
    return this.ds.getRepository(ShopEntity).find({ where: { merchantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The merchant's first shop: the default for CURRENT_SHOP keys and merchant calls to the partner surface. */
  async firstShop(merchantId: string): Promise<ShopEntity> {
    const [shop] = await this.ds.getRepository(ShopEntity).find({ where: { merchantId }, order: { createdAt: 'ASC', id: 'ASC' }, take: 1 });
    if (!shop) throw notFound('Shop');
    return shop;
  }

  /** Another merchant's shop answers NOT_FOUND exactly like a missing one. */
  async getOwned(merchantId: string, shopId: string): Promise<ShopEntity> {
    const shop = await this.ds.getRepository(ShopEntity).findOneBy({ id: shopId, merchantId });
    if (!shop) throw notFound('Shop');
    return shop;
  }

  async getById(shopId: string): Promise<ShopEntity> {
    const shop = await this.ds.getRepository(ShopEntity).findOneBy({ id: shopId });
    if (!shop) throw notFound('Shop');
    return shop;
  }

  async createInTransaction(em: EntityManager, merchantId: string, input: NewShop): Promise<ShopEntity> {
    const shop = em.create(ShopEntity, {
      id: crypto.randomUUID(),
      merchantId,
      name: input.name,
      url: input.url ?? null,
      logoUrl: input.logoUrl ?? null,
      logoMime: input.logo?.mime ?? null,
      logoData: input.logo?.data ?? null,
      isHeadless: input.isHeadless ?? false,
      maxActiveKeys: DEFAULT_MAX_ACTIVE_KEYS,
      createdAt: new Date(),
    });
    await em.insert(ShopEntity, shop);
    return shop;
  }

  /** Uploaded logo bytes for /logos/:shopId (logos are public, like any storefront image). */
  async logo(shopId: string): Promise<{ mime: string; data: Buffer } | null> {
    const row = await this.ds
      .getRepository(ShopEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.logoMime'])
      .addSelect('s.logoData')
      .where('s.id = :shopId', { shopId })
      .getOne();
    if (!row?.logoMime || !row.logoData) return null;
    return { mime: row.logoMime, data: Buffer.from(row.logoData) };
  }
}
