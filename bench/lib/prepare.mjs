// A bench database: recreated, migrated by a real server start, a merchant signed up through
// the real API, then a shop with inventory and keys seeded straight into MySQL.
import { startKeysmith } from './processes.mjs';
import { recreateDatabase, seedInventory, seedKeys, seedShop, signUp } from './seed.mjs';

export function databaseUrl(adminUrl, name) {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Returns the shop, the merchant's session cookie and the secrets of the `usableKeys` real keys. */
export async function prepareDatabase(adminUrl, name, { totalKeys, usableKeys, items = 50 }) {
  const url = databaseUrl(adminUrl, name);
  await recreateDatabase(adminUrl, name);
  const setup = await startKeysmith(`setup ${name}`, { DATABASE_URL: url, BCRYPT_COST: '10' });
  const merchant = await signUp(setup.url);
  await setup.stop();
  const shop = { merchantId: merchant.merchantId, shopId: await seedShop(url, merchant.merchantId) };
  await seedInventory(url, shop.shopId, items);
  const keys = await seedKeys(url, shop, totalKeys, usableKeys);
  return { ...shop, cookie: merchant.cookie, keys };
}
