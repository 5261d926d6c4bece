/** Product rules with a number in them, shared so the client checks what the server enforces. */
export const NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_BYTES = 8;
/** bcrypt reads at most 72 bytes; longer passwords are refused, never silently cut. */
export const PASSWORD_MAX_BYTES = 72;
export const EMAIL_MAX_LENGTH = 254;
export const URL_MAX_LENGTH = 2048;
export const DEFAULT_MAX_ACTIVE_KEYS = 1;
export const MAX_ACTIVE_KEYS_LIMIT = 25;
/** Longest grace period for the previous secret after a regeneration: 7 days. */
export const MAX_GRACE_PERIOD_SECONDS = 7 * 24 * 60 * 60;
export const GRACE_PERIOD_CHOICES_SECONDS = [0, 3600, 86400, MAX_GRACE_PERIOD_SECONDS] as const;
export const MAX_LOGO_BYTES = 512 * 1024;
export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_PAGE_SIZE = 100;
/** Keys expiring within this many days are highlighted in the dashboard. */
export const EXPIRY_WARNING_DAYS = 30;
