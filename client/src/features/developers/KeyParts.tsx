import { Avatar, Badge, Group, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import type { KeyRowFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { daysLeft, expiringSoon, STATUS_COLOR, STATUS_LABEL } from './key-view';
import { scopeSummary } from './scope-presets';

/** Pieces of a key as the keys table's row (KeyTableRow) and a phone's key card (KeyCard) both show them. */

/** The shop's logo and name, and what the key may do. */
export function KeyShopLine({ apiKey: k }: { apiKey: KeyRowFragment }) {
  return (
    <Group gap={6} wrap="nowrap" preventGrowOverflow={false}>
      <Avatar src={k.shop.logoUrl} alt="" size={16} radius="xs" color="indigo" style={{ flexShrink: 0 }}>
        <IconBuildingStore size={10} />
      </Avatar>
      <Text size="xs" c="dimmed">
        <span data-testid="key-shop">{k.shop.name}</span> · {scopeSummary(k.scopes)}
      </Text>
    </Group>
  );
}

/** Status, "Rotating" during a rotation, and when a revoked key was revoked. */
export function KeyStatus({ apiKey: k }: { apiKey: KeyRowFragment }) {
  return (
    <>
      <Group gap={6} wrap="nowrap" preventGrowOverflow={false}>
        <Badge variant="dot" color={STATUS_COLOR[k.status]} size="md" style={{ flexShrink: 0, minWidth: 'max-content' }}>
          {STATUS_LABEL[k.status]}
        </Badge>
        {k.rotation && (
          <Badge variant="filled" color="yellow.3" autoContrast size="sm" style={{ minWidth: 'max-content' }}>
            Rotating
          </Badge>
        )}
      </Group>
      {k.revokedAt && (
        <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
          on {formatDate(k.revokedAt)}
        </Text>
      )}
    </>
  );
}

/** "in 12 days" beside the expiry date of an active key that expires within the warning period. */
export function ExpiryWarning({ apiKey: k, now }: { apiKey: KeyRowFragment; now: Date }) {
  if (!expiringSoon(k, now)) return null;
  const days = daysLeft(k.expiresAt, now);
  return (
    <Badge size="xs" color="orange.2" autoContrast variant="filled" title={`Expires ${formatDateTime(k.expiresAt)}`}>
      {`in ${days} ${days === 1 ? 'day' : 'days'}`}
    </Badge>
  );
}
