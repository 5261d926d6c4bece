import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isHttpUrl, parseLogo } from '../shops/logo';

function rule(name: string, validate: (value: unknown) => boolean, message: string | ((value: unknown) => string), options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message: typeof message === 'string' ? message : (args) => message(args.value), ...options },
      validator: { validate },
    });
}

/** Strictly after the moment of the request (a key that is born expired is a mistake). */
export const IsFutureDate = (options?: ValidationOptions) =>
  rule('isFutureDate', (v) => v instanceof Date && !Number.isNaN(v.getTime()) && v.getTime() > Date.now(), 'must be in the future.', options);

export const IsHttpUrl = (options?: ValidationOptions) =>
  rule('isHttpUrl', (v) => typeof v === 'string' && isHttpUrl(v), 'must be an http(s) URL such as https://shop.example.com.', options);

/** The whole logo check (format, type, size, magic bytes) lives in parseLogo; its message is the error. */
export const IsLogo = (options?: ValidationOptions) =>
  rule(
    'isLogo',
    (v) => typeof v === 'string' && typeof parseLogo(v) !== 'string',
    (v) => (typeof v === 'string' ? (parseLogo(v) as string) : 'Logo is required.'),
    options,
  );
