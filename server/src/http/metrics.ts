import { Counter, Registry } from 'prom-client';

/** HTTP-level metrics, in their own registry (prom-client's global one would refuse a second server in one process). */
export function createHttpMetrics() {
  const registry = new Registry();
  return {
    registry,
    compiledRequests: new Counter({
      name: 'keysmith_graphql_compiled_requests_total',
      help: 'Partner GraphQL requests answered by compiled operations on the fast path (the rest go through Apollo).',
      registers: [registry],
    }),
  };
}
