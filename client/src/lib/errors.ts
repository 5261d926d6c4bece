import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { ErrorCode } from '@keysmith/shared';

/** What the merchant reads for each server error code (the code decides, never the message text). */
const FRIENDLY: Partial<Record<string, string>> = {
  [ErrorCode.KEY_LIMIT_REACHED]: 'This shop already has its maximum number of active keys. Regenerate or revoke a key, or raise the limit.',
  [ErrorCode.NOT_FOUND]: 'That item no longer exists. It may have been removed in another tab.',
  [ErrorCode.FORBIDDEN]: 'You are not allowed to do that.',
  [ErrorCode.UNAUTHENTICATED]: 'Your session has ended. Please sign in again.',
  [ErrorCode.RATE_LIMITED]: 'Too many attempts. Please wait a moment and try again.',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'Keysmith is temporarily unavailable. Please try again shortly.',
  [ErrorCode.INTERNAL_SERVER_ERROR]: 'Something went wrong on our side. Please try again.',
};

export interface ErrorInfo {
  code: string;
  message: string;
  /** For BAD_USER_INPUT: the input field the server named. */
  field?: string;
}

export function describeError(error: unknown): ErrorInfo {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = String(first?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (code === ErrorCode.BAD_USER_INPUT) {
      const field = typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined;
      return { code, field, message: stripFieldPrefix(first?.message ?? 'Check the highlighted field.', field) };
    }
    if (code === ErrorCode.RATE_LIMITED && typeof first?.extensions?.retryAfterSeconds === 'number') {
      return { code, message: `Too many attempts. Try again in ${first.extensions.retryAfterSeconds} seconds.` };
    }
    // The server's sign-in message is already written for people.
    if (code === ErrorCode.UNAUTHENTICATED && first?.message) return { code, message: first.message };
    return { code, message: FRIENDLY[code] ?? first?.message ?? 'Something went wrong.' };
  }
  if (ServerError.is(error) && error.statusCode >= 500) {
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message: FRIENDLY[ErrorCode.SERVICE_UNAVAILABLE] as string };
  }
  return { code: 'NETWORK', message: "Can't reach Keysmith. Check your connection and try again." };
}

function stripFieldPrefix(message: string, field?: string): string {
  return field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
