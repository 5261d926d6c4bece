import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { EXPIRY_WARNING_DAYS, isExpiringSoon } from '@keysmith/shared';
import type { ApiKeyStatus, ApiKeyType } from '../../gql/graphql';

dayjs.extend(relativeTime);

export const STATUS_COLOR: Record<ApiKeyStatus, string> = { ACTIVE: 'teal', EXPIRED: 'orange', REVOKED: 'red' };
export const STATUS_LABEL: Record<ApiKeyStatus, string> = { ACTIVE: 'Active', EXPIRED: 'Expired', REVOKED: 'Revoked' };
export const TYPE_LABEL: Record<ApiKeyType, string> = { CURRENT_SHOP: 'Current Shop', NEW_SHOP: 'New Shop' };

/** Whole days left, rounded up ("expires in 1 day" until the very end). */
export function daysLeft(expiresAt: string, now = new Date()): number {
  return Math.ceil((new Date(expiresAt).getTime() - now.getTime()) / 86_400_000);
}

/** Only ACTIVE keys warn: an expired or revoked key has nothing left to lose. */
export function expiringSoon(key: { status: ApiKeyStatus; expiresAt: string }, now = new Date()): boolean {
  return key.status === 'ACTIVE' && isExpiringSoon(new Date(key.expiresAt), now, EXPIRY_WARNING_DAYS);
}

export function lastUsedLabel(iso: string | null, now = new Date()): string {
  if (!iso) return 'Never';
  return dayjs(iso).from(dayjs(now));
}

export function graceLabel(seconds: number): string {
  if (seconds === 0) return 'Immediately';
  if (seconds % 86_400 === 0) return `${seconds / 86_400 === 1 ? '24 hours' : `${seconds / 86_400} days`}`;
  return `${seconds / 3600} ${seconds === 3600 ? 'hour' : 'hours'}`;
}
