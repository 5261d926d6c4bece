import bcrypt from 'bcrypt';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from '@keysmith/shared';

/** bcrypt only reads 72 bytes: a longer password is refused rather than silently cut. */
export function passwordProblem(password: string): string | null {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes < PASSWORD_MIN_BYTES) return `Password must be at least ${PASSWORD_MIN_BYTES} characters.`;
  if (bytes > PASSWORD_MAX_BYTES) return `Password must be at most ${PASSWORD_MAX_BYTES} bytes (bcrypt ignores the rest).`;
  return null;
}

export const hashPassword = (password: string, cost: number) => bcrypt.hash(password, cost);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** A hash of nothing in particular, compared against when the email is unknown so both paths cost the same. */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(cost: number): Promise<string> {
  dummyHash ??= bcrypt.hash('keysmith-timing-equaliser', cost);
  return dummyHash;
}
