import type { TestClient } from './client';

/** Factories and documents for key-lifecycle tests. Secrets are returned so tests can call with them. */
export const KEY_FIELDS = `id name type partialKey scopes status createdAt expiresAt revokedAt lastUsedAt
  shop { id name url logoUrl isHeadless maxActiveKeys }
  rotation { previousPartialKey previousValidUntil previousLastUsedAt }`;

export const CREATE_KEY = `mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${KEY_FIELDS} } } }`;
export const REGENERATE_KEY = `mutation Regen($id: ID!, $grace: Int, $expiresAt: DateTime) {
  regenerateApiKey(id: $id, gracePeriodSeconds: $grace, expiresAt: $expiresAt) { secret apiKey { ${KEY_FIELDS} } } }`;
export const END_ROTATION = `mutation End($id: ID!) { endRotation(id: $id) { ${KEY_FIELDS} } }`;
export const REVOKE_KEY = `mutation Revoke($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`;
export const LIST_KEYS = `query Keys($shopId: ID, $includeRevoked: Boolean) { apiKeys(shopId: $shopId, includeRevoked: $includeRevoked) { ${KEY_FIELDS} } }`;
export const SET_MAX = `mutation SetMax($shopId: ID!, $max: Int!) { setMaxActiveKeys(shopId: $shopId, max: $max) { id maxActiveKeys } }`;
export const AUDIT = `query Audit($first: Int, $after: String) {
  auditEvents(first: $first, after: $after) { edges { cursor node { id at action shopId apiKeyId detail ip } } pageInfo { hasNextPage endCursor } } }`;

export interface CreatedKey {
  secret: string;
  apiKey: Record<string, any> & { id: string; status: string; partialKey: string };
}

/** A CURRENT_SHOP key (full access unless scopes are given) for the merchant's first shop or `shopId`. */
export async function createKey(client: TestClient, input: Record<string, unknown> = {}): Promise<CreatedKey> {
  const data = await client.ok<{ createApiKey: CreatedKey }>(CREATE_KEY, { input: { name: 'Integration', type: 'CURRENT_SHOP', ...input } });
  return data.createApiKey;
}

export async function regenerateKey(client: TestClient, id: string, grace?: number, expiresAt?: string): Promise<CreatedKey> {
  const data = await client.ok<{ regenerateApiKey: CreatedKey }>(REGENERATE_KEY, { id, grace, expiresAt });
  return data.regenerateApiKey;
}

/** A 1x1 PNG (smallest valid file) as a data: URL. */
export const PNG_1x1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const newShopInput = (over: Record<string, unknown> = {}) => ({
  name: 'Headless Store',
  type: 'NEW_SHOP',
  newShop: { name: 'Headless Co', url: 'https://headless.example.com', logo: PNG_1x1, ...over },
});

/** A simple partner call that needs SHOP_READ only. */
export const SHOP_QUERY = '{ shop { id name } }';
