import { validate, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

/** Our class-validator settings: report one problem per field, never refuse unknown shapes. */
const OPTIONS: ValidatorOptions = { forbidUnknownValues: false, stopAtFirstError: true, skipMissingProperties: true };

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

/**
 * TypeGraphQL's `validateFn`: the same class-validator check as its built-in
 * `validate` option, which however `require`s and re-wraps class-validator's ~200
 * exports on every argument of every call (a few percent of a partner request's CPU).
 * Scalars pass through; objects and arrays of objects are validated.
 */
export async function validateArgs(value: unknown): Promise<void> {
  if (!isObject(value)) return;
  const items = Array.isArray(value) ? value.filter(isObject) : [value];
  const errors: ValidationError[] = (await Promise.all(items.map((item) => validate(item, OPTIONS)))).flat();
  if (errors.length > 0) throw new ArgumentValidationError(errors);
}
