import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Context } from '../../graphql/context';
import { operationInfo, operationInfoFromDocument, UNKNOWN_OPERATION, type OperationInfo } from './operation-info';
import { firstErrorCode, partnerLogRow, partnerStatus } from './partner-call';

/**
 * Request logging for partner (API-key) calls that Apollo executes, in one place rather
 * than in resolvers. Requests whose key is refused (401) never reach Apollo: resolveCaller
 * logs those; calls on the compiled fast path are logged there, with the same row.
 */
export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }): Promise<GraphQLRequestListener<Context> | void> {
      const { caller } = contextValue;
      // Read per request: BENCH_LOGGING_SIGNAL may have turned logging off since the server started.
      if (caller.kind !== 'partner' || !contextValue.services.config.requestLogging) return;
      const started = performance.now();
      const at = new Date();
      let op: OperationInfo = UNKNOWN_OPERATION;
      return {
        async didResolveOperation({ operation, document, operationName }) {
          if (operation) op = operationInfo(operation, document, operationName);
        },
        async willSendResponse({ response, request, document, contextValue: ctx }) {
          const body = response.body;
          const result = body.kind === 'single' ? body.singleResult : body.initialResult;
          const errorCode = firstErrorCode(result.errors);
          response.http.status = partnerStatus(response.http.status ?? 200, errorCode, result.data);
          // Parsed but not run (it failed validation): still say what it asked for.
          if (op === UNKNOWN_OPERATION && document) op = operationInfoFromDocument(document, request.operationName ?? null);
          else if (op === UNKNOWN_OPERATION && request.operationName) op = { ...op, operationName: request.operationName };
          ctx.services.requestLogs.record(
            partnerLogRow({ key: caller.key, op, at, started, httpStatus: response.http.status, errorCode, ip: ctx.ip || null, userAgent: ctx.req.headers['user-agent'] ?? null }),
          );
        },
      };
    },
  };
}
