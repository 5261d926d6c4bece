/** Scopes a key may hold. A key with no explicit scopes gets all of them ("Full Access"). */
export const API_SCOPES = [
  'SHOP_READ',
  'SHOP_WRITE',
  'INVENTORY_READ',
  'INVENTORY_WRITE',
  'OFFERS_READ',
  'OFFERS_WRITE',
] as const;

export type ApiScopeName = (typeof API_SCOPES)[number];

export const READ_ONLY_SCOPES: readonly ApiScopeName[] = API_SCOPES.filter((s) => s.endsWith('_READ'));

/** Plain-language meaning of each scope, shown when a merchant picks scopes. */
export const SCOPE_DESCRIPTIONS: Record<ApiScopeName, string> = {
  SHOP_READ: 'read the shop profile',
  SHOP_WRITE: 'change the shop profile',
  INVENTORY_READ: 'read inventory items',
  INVENTORY_WRITE: 'create and update inventory items',
  OFFERS_READ: 'read offers',
  OFFERS_WRITE: 'submit offers',
};

export function isApiScope(value: string): value is ApiScopeName {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Scopes in canonical order, without duplicates. */
export function normalizeScopes(scopes: readonly string[]): ApiScopeName[] {
  return API_SCOPES.filter((s) => scopes.includes(s));
}
