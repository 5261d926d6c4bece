import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@keysmith/shared';
import type { VerifiedKey } from '../../graphql/context';
import type { LogRow } from './log-row';
import type { OperationInfo } from './operation-info';

/**
 * What both GraphQL paths decide the same way about a finished partner call: its
 * HTTP status and its log row. Used by the Apollo plugin (request-log.plugin.ts)
 * and the compiled fast path (http/partner-fast-path.ts).
 */

/** A refusal of the whole operation gets the HTTP status partners expect from REST-minded tooling. */
const STATUS_FOR_REFUSAL: Partial<Record<string, number>> = { [ErrorCode.FORBIDDEN]: 403, [ErrorCode.UNAUTHENTICATED]: 401 };

export function firstErrorCode(errors: readonly GraphQLFormattedError[] | undefined): string | null {
  const code = errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** Only when nothing at all was answered: a partial result with one refused field stays a 200. */
export function partnerStatus(status: number, errorCode: string | null, data: unknown): number {
  const refusal = errorCode ? STATUS_FOR_REFUSAL[errorCode] : undefined;
  return refusal && (data === null || data === undefined) && status === 200 ? refusal : status;
}

export interface PartnerCall {
  key: VerifiedKey;
  op: OperationInfo;
  at: Date;
  /** performance.now() when the request started. */
  started: number;
  httpStatus: number;
  errorCode: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function partnerLogRow(c: PartnerCall): LogRow {
  return {
    at: c.at,
    apiKeyId: c.key.id,
    shopId: c.key.shopId,
    usedPreviousSecret: c.key.usedPreviousSecret,
    operationName: c.op.operationName,
    operationType: c.op.operationType,
    fields: c.op.fields,
    httpStatus: c.httpStatus,
    errorCode: c.errorCode,
    durationMs: performance.now() - c.started,
    ip: c.ip,
    userAgent: c.userAgent,
  };
}
