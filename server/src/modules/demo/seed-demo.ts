import crypto from 'node:crypto';
import type { Services } from '../../services';
import { inTransaction } from '../../db/transaction';
import { MerchantEntity } from '../auth/merchant.entity';
import { InventoryItemEntity } from '../inventory/inventory-item.entity';

export const DEMO_EMAIL = 'demo@keysmith.dev';
export const DEMO_PASSWORD = 'keysmith-demo';

const ITEMS: Array<[string, string, number, number]> = [
  ['MUG-001', 'Enamel camp mug', 1800, 42],
  ['TEE-002', 'Organic cotton tee', 2900, 120],
  ['CAP-003', 'Waxed canvas cap', 3400, 18],
  ['BAG-004', 'Recycled tote bag', 2200, 64],
  ['BTL-005', 'Insulated bottle', 3900, 35],
  ['NB-006', 'Dot-grid notebook', 1400, 200],
  ['PEN-007', 'Brass pen', 4500, 12],
  ['SOC-008', 'Merino socks', 1900, 80],
];

/** On an empty database: one demo merchant with a shop and some inventory. Returns the credentials, or null when it did nothing. */
export async function seedDemo(services: Services): Promise<{ email: string; password: string } | null> {
  if ((await services.ds.getRepository(MerchantEntity).count()) > 0) return null;
  const { merchant } = await services.auth.signUp(DEMO_EMAIL, DEMO_PASSWORD, 'Demo Coffee Roasters');
  const shop = await services.shops.firstShop(merchant.id);
  await inTransaction(services.ds, async (em) => {
    const now = new Date();
    await em.insert(
      InventoryItemEntity,
      ITEMS.map(([sku, title, priceCents, quantity]) => ({ id: crypto.randomUUID(), shopId: shop.id, sku, title, priceCents, quantity, createdAt: now, updatedAt: now })),
    );
  });
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD };
}
