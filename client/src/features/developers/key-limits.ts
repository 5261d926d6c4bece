/** Per-shop active-key limits (BAC 6): only ACTIVE keys count; EXPIRED and REVOKED ones free their slot. */
export interface ShopLimit {
  id: string;
  name: string;
  logoUrl: string | null;
  maxActiveKeys: number;
  active: number;
  full: boolean;
}

interface ShopLike {
  id: string;
  name: string;
  logoUrl?: string | null;
  maxActiveKeys: number;
}

interface KeyLike {
  status: string;
  shop: { id: string };
}

/** In the merchant's shop order (the first one is the shop from sign-up). */
export function shopLimits(shops: readonly ShopLike[], keys: readonly KeyLike[]): ShopLimit[] {
  return shops.map((s) => {
    const active = keys.filter((k) => k.status === 'ACTIVE' && k.shop.id === s.id).length;
    return { id: s.id, name: s.name, logoUrl: s.logoUrl ?? null, maxActiveKeys: s.maxActiveKeys, active, full: active >= s.maxActiveKeys };
  });
}

/**
 * "New API Key" is for a shop the merchant already has (the BAC 6 case);
 * when none of them has a free slot, the button is disabled and the tab
 * offers to regenerate, raise the limit, or create a key for a new shop
 * (which brings its own slot and is never blocked).
 */
export function everyShopFull(limits: readonly ShopLimit[]): boolean {
  return limits.length > 0 && limits.every((l) => l.full);
}

export const activeCountLabel = (l: Pick<ShopLimit, 'active' | 'maxActiveKeys'>) =>
  `${l.active} of ${l.maxActiveKeys} active ${l.maxActiveKeys === 1 ? 'key' : 'keys'}`;
