import { graphql } from '../../gql';

/** Everything the tab shows; the shops carry the per-shop key limit. */
export const DEVELOPER_KEYS = graphql(`
  query DeveloperKeys($includeRevoked: Boolean) {
    apiKeys(includeRevoked: $includeRevoked) {
      ...KeyRow
    }
    me {
      id
      shops {
        id
        name
        logoUrl
        isHeadless
        maxActiveKeys
      }
    }
  }
`);

export const KEY_ROW = graphql(`
  fragment KeyRow on ApiKey {
    id
    name
    type
    partialKey
    scopes
    status
    createdAt
    expiresAt
    revokedAt
    lastUsedAt
    shop {
      id
      name
      logoUrl
    }
    rotation {
      previousPartialKey
      previousValidUntil
      previousLastUsedAt
    }
  }
`);

/*
 * The two mutations that return a secret ask for a few of the key's fields
 * besides it (what SecretModal.tsx shows), and run with fetchPolicy
 * 'no-cache' (see use-key-actions.ts): the secret must never be written to
 * the normalised cache.
 */
export const CREATE_API_KEY = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        partialKey
        scopes
      }
    }
  }
`);

export const REGENERATE_API_KEY = graphql(`
  mutation RegenerateApiKey($id: ID!, $gracePeriodSeconds: Int) {
    regenerateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {
      secret
      apiKey {
        id
        name
        partialKey
        scopes
      }
    }
  }
`);

export const END_ROTATION = graphql(`
  mutation EndRotation($id: ID!) {
    endRotation(id: $id) {
      ...KeyRow
    }
  }
`);

export const REVOKE_API_KEY = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...KeyRow
    }
  }
`);

export const SET_MAX_ACTIVE_KEYS = graphql(`
  mutation SetMaxActiveKeys($shopId: ID!, $max: Int!) {
    setMaxActiveKeys(shopId: $shopId, max: $max) {
      id
      maxActiveKeys
    }
  }
`);
