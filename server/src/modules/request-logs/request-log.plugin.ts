import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { ErrorCode } from '@keysmith/shared';
import type { Context } from '../../graphql/context';
import { operationInfo, UNKNOWN_OPERATION, type OperationInfo } from './operation-info';

/** A refusal of the whole operation gets the HTTP status partners expect from REST-minded tooling. */
const STATUS_FOR_REFUSAL: Partial<Record<string, number>> = { [ErrorCode.FORBIDDEN]: 403, [ErrorCode.UNAUTHENTICATED]: 401 };

/**
 * Request logging for partner (API-key) calls, in one place rather than in resolvers.
 * Requests whose key is refused (401) never reach Apollo: resolveCaller logs those.
 */
export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }): Promise<GraphQLRequestListener<Context> | void> {
      const { caller } = contextValue;
      if (caller.kind !== 'partner') return;
      const started = performance.now();
      const at = new Date();
      let op: OperationInfo = UNKNOWN_OPERATION;
      return {
        async didResolveOperation({ operation, document, operationName }) {
          if (operation) op = operationInfo(operation, document, operationName);
        },
        async willSendResponse({ response, request, contextValue: ctx }) {
          const body = response.body;
          const result = body.kind === 'single' ? body.singleResult : body.initialResult;
          const code = result.errors?.[0]?.extensions?.code;
          const errorCode = typeof code === 'string' ? code : null;
          // Only when nothing at all was answered: a partial result with one refused field stays a 200.
          const refusal = errorCode ? STATUS_FOR_REFUSAL[errorCode] : undefined;
          if (refusal && (result.data === null || result.data === undefined) && (response.http.status ?? 200) === 200) {
            response.http.status = refusal;
          }
          if (op === UNKNOWN_OPERATION && request.operationName) op = { ...op, operationName: request.operationName };
          ctx.services.requestLogs.record({
            at,
            apiKeyId: caller.key.id,
            shopId: caller.key.shopId,
            usedPreviousSecret: caller.key.usedPreviousSecret,
            ...op,
            httpStatus: response.http.status ?? 200,
            errorCode,
            durationMs: performance.now() - started,
            ip: ctx.ip || null,
            userAgent: ctx.req.get('user-agent') ?? null,
          });
        },
      };
    },
  };
}
