export * from './error-codes';
export * from './scopes';
export * from './limits';
export * from './expiry';
export * from './key-format';
