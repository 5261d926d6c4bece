// How long after revokeApiKey (or regenerateApiKey with no grace) returns on instance A
// does instance B refuse the old secret? Measured with real mutations and real HTTP.

const SHOP_QUERY = JSON.stringify({ query: '{ shop { id } }' });

async function gql(url, cookie, query, variables) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const partnerStatus = async (url, key) =>
  (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: SHOP_QUERY })).status;

const CREATE = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }';
const REGEN = 'mutation($id: ID!) { regenerateApiKey(id: $id, gracePeriodSeconds: 0) { secret } }';

/**
 * `trials` times: create a key on A, make B cache it, change it on A (revoke, or
 * regenerate without grace on odd trials), then poll B until it answers 401.
 * Returns the delays in ms (from A's response to B's first refusal).
 */
export async function revocationDelays({ a, b, cookie, trials, timeoutMs }) {
  const delays = [];
  for (let t = 0; t < trials; t++) {
    const created = (await gql(a, cookie, CREATE, { i: { name: `revocation ${t}`, type: 'CURRENT_SHOP' } })).createApiKey;
    if ((await partnerStatus(b, created.secret)) !== 200) throw new Error('B did not accept a fresh key');
    const regenerate = t % 2 === 1;
    await gql(a, cookie, regenerate ? REGEN : REVOKE, { id: created.apiKey.id });
    const changedAt = performance.now();
    let delay = null;
    while (performance.now() - changedAt < timeoutMs) {
      if ((await partnerStatus(b, created.secret)) === 401) {
        delay = performance.now() - changedAt;
        break;
      }
    }
    delays.push(delay ?? Infinity);
    // Keep the shop under its active-key limit for the next trial.
    if (regenerate) await gql(a, cookie, REVOKE, { id: created.apiKey.id });
  }
  return delays;
}
