import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';

/** Not empty after trimming: "   " is no name. */
export function IsNotBlank(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotBlank',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must not be empty.`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
}

/** An email address once surrounding spaces are removed (normalisation happens in the service). */
export function IsTrimmedEmail(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTrimmedEmail',
      target: object.constructor,
      propertyName,
      options: { message: 'Enter a valid email address.', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isEmail(value.trim()) },
    });
}
