import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '@keysmith/shared';

/** The largest request body /graphql accepts (express.json's limit and the fast path's). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An HTTP-level answer in GraphQL's error shape, so partners parse every answer the same way. */
export function sendJsonError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function invalidJsonMessage(detail: string): string {
  return `The request body is not valid JSON: ${detail}`;
}

/**
 * body-parser's refusals (bad JSON, too large, unsupported charset) as JSON rather than
 * Express's HTML error page, which also printed a stack trace outside production.
 */
export const bodyErrorHandler: ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, next) => {
  const status = err.status ?? 500;
  if (status >= 500) return next(err);
  const message =
    err.type === 'entity.parse.failed'
      ? invalidJsonMessage(err.message ?? 'unparsable')
      : err.type === 'entity.too.large'
        ? `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`
        : (err.message ?? 'Bad request.');
  sendJsonError(res, status, ErrorCode.BAD_REQUEST, message);
};
