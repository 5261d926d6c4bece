import { graphql } from '../../gql';

export const REQUEST_LOGS = graphql(`
  query RequestLogs($filter: ApiRequestLogFilter, $first: Int, $after: String) {
    apiRequestLogs(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          usedPreviousSecret
          operationName
          operationType
          fields
          httpStatus
          errorCode
          durationMs
          ip
          userAgent
          shopId
          apiKey {
            id
            name
            partialKey
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const API_USAGE = graphql(`
  query ApiUsage($filter: ApiRequestLogFilter, $bucket: UsageBucketSize) {
    apiUsage(filter: $filter, bucket: $bucket) {
      start
      requests
      errors
    }
  }
`);

/** Keys and shops for the filter pickers (revoked keys too: their refused calls are logged). */
export const LOG_FILTER_OPTIONS = graphql(`
  query LogFilterOptions {
    apiKeys(includeRevoked: true) {
      id
      name
      partialKey
      status
      shop {
        id
        name
      }
    }
    me {
      id
      shops {
        id
        name
      }
    }
  }
`);

/** Calls with a previous (rotating) secret in the recent window: who still has to switch? */
export const PREVIOUS_SECRET_USE = graphql(`
  query PreviousSecretUse($filter: ApiRequestLogFilter) {
    apiRequestLogs(filter: $filter, first: 200) {
      edges {
        node {
          id
          at
          apiKey {
            id
            name
            partialKey
            rotation {
              previousPartialKey
              previousValidUntil
            }
          }
        }
      }
    }
  }
`);
