import { GraphQLError } from 'graphql';
import { ErrorCode } from '@keysmith/shared';

/**
 * Every error the API means to send is built here, with its code from the one
 * list in @keysmith/shared. Anything else is masked by formatError.
 */
export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (field: string, message: string) => appError(ErrorCode.BAD_USER_INPUT, message, { field });
export const notFound = (what: string) => appError(ErrorCode.NOT_FOUND, `${what} not found.`);
export const forbidden = (message: string, extensions: Record<string, unknown> = {}) => appError(ErrorCode.FORBIDDEN, message, extensions);
export const unauthenticated = (message = 'Sign in first.') => appError(ErrorCode.UNAUTHENTICATED, message);
export const rateLimited = (retryAfterSeconds: number) =>
  appError(ErrorCode.RATE_LIMITED, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });

/** Rejects the whole HTTP request (thrown from the context function, before anything executes). */
export function httpError(code: ErrorCode, status: number, message: string, headers: Record<string, string> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status, headers: new Map(Object.entries(headers)) } } });
}

export function isAppError(e: unknown): e is GraphQLError {
  return e instanceof GraphQLError && typeof e.extensions?.code === 'string' && (Object.values(ErrorCode) as string[]).includes(e.extensions.code as string);
}
