/**
 * The copy-paste first call shown next to a new key: a query the key's own
 * scopes allow, so the very first try succeeds.
 */
export function firstQueryFor(scopes: readonly string[]): string {
  if (scopes.includes('SHOP_READ') || scopes.length === 0) return '{ shop { name } }';
  if (scopes.includes('INVENTORY_READ')) return '{ inventory(first: 5) { edges { node { sku title } } } }';
  if (scopes.includes('OFFERS_READ')) return '{ offers(first: 5) { edges { node { id amountCents } } } }';
  return '{ shop { name } }';
}

export function curlExample(origin: string, secret: string, query = '{ shop { name } }'): string {
  return [
    `curl -X POST ${origin}/graphql \\`,
    `  -H 'Authorization: Bearer ${secret}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${JSON.stringify({ query })}'`,
  ].join('\n');
}

/** Apollo Sandbox is served by the API itself on a browser GET of /graphql. */
export const sandboxUrl = (origin: string) => `${origin}/graphql`;
