import { NAME_MAX_LENGTH, PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from '@keysmith/shared';

export interface SignUpValues {
  email: string;
  password: string;
  shopName: string;
}

/** The same rules the server enforces, checked before sending so errors appear beside the field at once. */
export function validateSignUp(v: SignUpValues): Partial<Record<keyof SignUpValues, string>> {
  const errors: Partial<Record<keyof SignUpValues, string>> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'Enter a valid email address.';
  const bytes = new TextEncoder().encode(v.password).length;
  if (bytes < PASSWORD_MIN_BYTES) errors.password = `Use at least ${PASSWORD_MIN_BYTES} characters.`;
  else if (bytes > PASSWORD_MAX_BYTES) errors.password = `Use at most ${PASSWORD_MAX_BYTES} bytes.`;
  if (!v.shopName.trim()) errors.shopName = 'Shop name is required.';
  else if (v.shopName.trim().length > NAME_MAX_LENGTH) errors.shopName = `At most ${NAME_MAX_LENGTH} characters.`;
  return errors;
}
