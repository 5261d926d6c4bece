/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      shops {\n        id\n        name\n        url\n        logoUrl\n        isHeadless\n        maxActiveKeys\n        createdAt\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      email\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $shopName: String!) {\n    signUp(email: $email, password: $password, shopName: $shopName) {\n      id\n      email\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query DeveloperKeys($includeRevoked: Boolean) {\n    apiKeys(includeRevoked: $includeRevoked) {\n      ...KeyRow\n    }\n    me {\n      id\n      shops {\n        id\n        name\n        logoUrl\n        isHeadless\n        maxActiveKeys\n      }\n    }\n  }\n": typeof types.DeveloperKeysDocument,
    "\n  fragment KeyRow on ApiKey {\n    id\n    name\n    type\n    partialKey\n    scopes\n    status\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    shop {\n      id\n      name\n      logoUrl\n    }\n    rotation {\n      previousPartialKey\n      previousValidUntil\n      previousLastUsedAt\n    }\n  }\n": typeof types.KeyRowFragmentDoc,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        partialKey\n        scopes\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RegenerateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    regenerateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey {\n        id\n        name\n        partialKey\n        scopes\n      }\n    }\n  }\n": typeof types.RegenerateApiKeyDocument,
    "\n  mutation EndRotation($id: ID!) {\n    endRotation(id: $id) {\n      ...KeyRow\n    }\n  }\n": typeof types.EndRotationDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...KeyRow\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation SetMaxActiveKeys($shopId: ID!, $max: Int!) {\n    setMaxActiveKeys(shopId: $shopId, max: $max) {\n      id\n      maxActiveKeys\n    }\n  }\n": typeof types.SetMaxActiveKeysDocument,
    "\n  query RequestLogs($filter: ApiRequestLogFilter, $first: Int, $after: String) {\n    apiRequestLogs(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          usedPreviousSecret\n          operationName\n          operationType\n          fields\n          httpStatus\n          errorCode\n          durationMs\n          ip\n          userAgent\n          shopId\n          apiKey {\n            id\n            name\n            partialKey\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RequestLogsDocument,
    "\n  query ApiUsage($filter: ApiRequestLogFilter, $bucket: UsageBucketSize) {\n    apiUsage(filter: $filter, bucket: $bucket) {\n      start\n      requests\n      errors\n    }\n  }\n": typeof types.ApiUsageDocument,
    "\n  query LogFilterOptions {\n    apiKeys(includeRevoked: true) {\n      id\n      name\n      partialKey\n      status\n      shop {\n        id\n        name\n      }\n    }\n    me {\n      id\n      shops {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LogFilterOptionsDocument,
    "\n  query PreviousSecretUse($filter: ApiRequestLogFilter) {\n    apiRequestLogs(filter: $filter, first: 200) {\n      edges {\n        node {\n          id\n          at\n          apiKey {\n            id\n            name\n            partialKey\n            rotation {\n              previousPartialKey\n              previousValidUntil\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PreviousSecretUseDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      shops {\n        id\n        name\n        url\n        logoUrl\n        isHeadless\n        maxActiveKeys\n        createdAt\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      email\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $shopName: String!) {\n    signUp(email: $email, password: $password, shopName: $shopName) {\n      id\n      email\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query DeveloperKeys($includeRevoked: Boolean) {\n    apiKeys(includeRevoked: $includeRevoked) {\n      ...KeyRow\n    }\n    me {\n      id\n      shops {\n        id\n        name\n        logoUrl\n        isHeadless\n        maxActiveKeys\n      }\n    }\n  }\n": types.DeveloperKeysDocument,
    "\n  fragment KeyRow on ApiKey {\n    id\n    name\n    type\n    partialKey\n    scopes\n    status\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    shop {\n      id\n      name\n      logoUrl\n    }\n    rotation {\n      previousPartialKey\n      previousValidUntil\n      previousLastUsedAt\n    }\n  }\n": types.KeyRowFragmentDoc,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        partialKey\n        scopes\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RegenerateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    regenerateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey {\n        id\n        name\n        partialKey\n        scopes\n      }\n    }\n  }\n": types.RegenerateApiKeyDocument,
    "\n  mutation EndRotation($id: ID!) {\n    endRotation(id: $id) {\n      ...KeyRow\n    }\n  }\n": types.EndRotationDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...KeyRow\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation SetMaxActiveKeys($shopId: ID!, $max: Int!) {\n    setMaxActiveKeys(shopId: $shopId, max: $max) {\n      id\n      maxActiveKeys\n    }\n  }\n": types.SetMaxActiveKeysDocument,
    "\n  query RequestLogs($filter: ApiRequestLogFilter, $first: Int, $after: String) {\n    apiRequestLogs(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          usedPreviousSecret\n          operationName\n          operationType\n          fields\n          httpStatus\n          errorCode\n          durationMs\n          ip\n          userAgent\n          shopId\n          apiKey {\n            id\n            name\n            partialKey\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RequestLogsDocument,
    "\n  query ApiUsage($filter: ApiRequestLogFilter, $bucket: UsageBucketSize) {\n    apiUsage(filter: $filter, bucket: $bucket) {\n      start\n      requests\n      errors\n    }\n  }\n": types.ApiUsageDocument,
    "\n  query LogFilterOptions {\n    apiKeys(includeRevoked: true) {\n      id\n      name\n      partialKey\n      status\n      shop {\n        id\n        name\n      }\n    }\n    me {\n      id\n      shops {\n        id\n        name\n      }\n    }\n  }\n": types.LogFilterOptionsDocument,
    "\n  query PreviousSecretUse($filter: ApiRequestLogFilter) {\n    apiRequestLogs(filter: $filter, first: 200) {\n      edges {\n        node {\n          id\n          at\n          apiKey {\n            id\n            name\n            partialKey\n            rotation {\n              previousPartialKey\n              previousValidUntil\n            }\n          }\n        }\n      }\n    }\n  }\n": types.PreviousSecretUseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      shops {\n        id\n        name\n        url\n        logoUrl\n        isHeadless\n        maxActiveKeys\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      shops {\n        id\n        name\n        url\n        logoUrl\n        isHeadless\n        maxActiveKeys\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($email: String!, $password: String!, $shopName: String!) {\n    signUp(email: $email, password: $password, shopName: $shopName) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($email: String!, $password: String!, $shopName: String!) {\n    signUp(email: $email, password: $password, shopName: $shopName) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeveloperKeys($includeRevoked: Boolean) {\n    apiKeys(includeRevoked: $includeRevoked) {\n      ...KeyRow\n    }\n    me {\n      id\n      shops {\n        id\n        name\n        logoUrl\n        isHeadless\n        maxActiveKeys\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeveloperKeys($includeRevoked: Boolean) {\n    apiKeys(includeRevoked: $includeRevoked) {\n      ...KeyRow\n    }\n    me {\n      id\n      shops {\n        id\n        name\n        logoUrl\n        isHeadless\n        maxActiveKeys\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyRow on ApiKey {\n    id\n    name\n    type\n    partialKey\n    scopes\n    status\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    shop {\n      id\n      name\n      logoUrl\n    }\n    rotation {\n      previousPartialKey\n      previousValidUntil\n      previousLastUsedAt\n    }\n  }\n"): (typeof documents)["\n  fragment KeyRow on ApiKey {\n    id\n    name\n    type\n    partialKey\n    scopes\n    status\n    createdAt\n    expiresAt\n    revokedAt\n    lastUsedAt\n    shop {\n      id\n      name\n      logoUrl\n    }\n    rotation {\n      previousPartialKey\n      previousValidUntil\n      previousLastUsedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        partialKey\n        scopes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n        partialKey\n        scopes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    regenerateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey {\n        id\n        name\n        partialKey\n        scopes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    regenerateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey {\n        id\n        name\n        partialKey\n        scopes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndRotation($id: ID!) {\n    endRotation(id: $id) {\n      ...KeyRow\n    }\n  }\n"): (typeof documents)["\n  mutation EndRotation($id: ID!) {\n    endRotation(id: $id) {\n      ...KeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...KeyRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...KeyRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMaxActiveKeys($shopId: ID!, $max: Int!) {\n    setMaxActiveKeys(shopId: $shopId, max: $max) {\n      id\n      maxActiveKeys\n    }\n  }\n"): (typeof documents)["\n  mutation SetMaxActiveKeys($shopId: ID!, $max: Int!) {\n    setMaxActiveKeys(shopId: $shopId, max: $max) {\n      id\n      maxActiveKeys\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogs($filter: ApiRequestLogFilter, $first: Int, $after: String) {\n    apiRequestLogs(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          usedPreviousSecret\n          operationName\n          operationType\n          fields\n          httpStatus\n          errorCode\n          durationMs\n          ip\n          userAgent\n          shopId\n          apiKey {\n            id\n            name\n            partialKey\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestLogs($filter: ApiRequestLogFilter, $first: Int, $after: String) {\n    apiRequestLogs(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          usedPreviousSecret\n          operationName\n          operationType\n          fields\n          httpStatus\n          errorCode\n          durationMs\n          ip\n          userAgent\n          shopId\n          apiKey {\n            id\n            name\n            partialKey\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiUsage($filter: ApiRequestLogFilter, $bucket: UsageBucketSize) {\n    apiUsage(filter: $filter, bucket: $bucket) {\n      start\n      requests\n      errors\n    }\n  }\n"): (typeof documents)["\n  query ApiUsage($filter: ApiRequestLogFilter, $bucket: UsageBucketSize) {\n    apiUsage(filter: $filter, bucket: $bucket) {\n      start\n      requests\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogFilterOptions {\n    apiKeys(includeRevoked: true) {\n      id\n      name\n      partialKey\n      status\n      shop {\n        id\n        name\n      }\n    }\n    me {\n      id\n      shops {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query LogFilterOptions {\n    apiKeys(includeRevoked: true) {\n      id\n      name\n      partialKey\n      status\n      shop {\n        id\n        name\n      }\n    }\n    me {\n      id\n      shops {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviousSecretUse($filter: ApiRequestLogFilter) {\n    apiRequestLogs(filter: $filter, first: 200) {\n      edges {\n        node {\n          id\n          at\n          apiKey {\n            id\n            name\n            partialKey\n            rotation {\n              previousPartialKey\n              previousValidUntil\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviousSecretUse($filter: ApiRequestLogFilter) {\n    apiRequestLogs(filter: $filter, first: 200) {\n      edges {\n        node {\n          id\n          at\n          apiKey {\n            id\n            name\n            partialKey\n            rotation {\n              previousPartialKey\n              previousValidUntil\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;