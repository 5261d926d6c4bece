import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { ErrorCode } from '@keysmith/shared';
import { isAppError } from './errors';
import type { Logger } from '../logger';

function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const message = e.constraints ? Object.values(e.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstViolation(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/**
 * Turns class-validator failures into BAD_USER_INPUT naming the field, keeps
 * our own coded errors and GraphQL's request errors, and masks the rest:
 * no stack traces or SQL ever reach a client.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const v = firstViolation(original.extensions.validationErrors as ValidationError[]);
      const field = v?.field.replace(/^input\./, '') ?? 'input';
      return { message: v ? `${field}: ${v.message}` : 'Invalid input.', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT, field } };
    }
    if (isAppError(original)) {
      const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    const code = formatted.extensions?.code;
    // Parse/validation/variable errors from graphql-js and Apollo are safe and useful to callers.
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    logger.error({ err: original }, 'unexpected GraphQL error');
    return { message: 'Something went wrong on our side.', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

/**
 * Apollo's own error pipeline for execution errors, for the compiled fast path:
 * every error gets a code (INTERNAL_SERVER_ERROR when it has none), then our
 * formatError decides what the caller sees. Both paths therefore answer alike.
 */
export function formatExecutionErrors(
  errors: readonly GraphQLError[],
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): GraphQLFormattedError[] {
  return errors.map((error) => {
    const { http: _http, ...extensions }: Record<string, unknown> = { ...error.extensions, code: error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR };
    return formatError({ ...error.toJSON(), extensions }, error);
  });
}
