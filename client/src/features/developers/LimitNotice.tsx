import { Alert, Button, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { KeyRowFragment } from '../../gql/graphql';
import type { ShopLimit } from './key-limits';

interface Props {
  limits: ShopLimit[];
  /** An active key that could be regenerated instead of creating another one. */
  regenerable: KeyRowFragment | null;
  onRegenerate: (key: KeyRowFragment) => void;
  onRaiseLimit: (shop: ShopLimit) => void;
  onNewShopKey: () => void;
}

/**
 * BAC 6: why "New API Key" is disabled, and what to do instead. Losing a key
 * is the usual reason to want another one, so regenerating comes first.
 */
export function LimitNotice({ limits, regenerable, onRegenerate, onRaiseLimit, onNewShopKey }: Props) {
  const first = limits[0];
  if (!first) return null;
  const single = limits.length === 1;
  return (
    <Alert color="orange" variant="light" icon={<IconLock />} title="Key limit reached"
      // Orange text on the light background is below AA contrast: keep orange for the icon only.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      id="limit-notice" data-testid="limit-notice">
      <Text size="sm">
        {single
          ? `${first.name} already has its maximum of ${first.maxActiveKeys} active ${first.maxActiveKeys === 1 ? 'key' : 'keys'}.`
          : 'Every one of your shops already has its maximum of active keys.'}{' '}
        Lost a key? Regenerate it: you get a new secret for the same key. Otherwise revoke a key or raise the limit.
      </Text>
      <Group gap="xs" mt="sm">
        {regenerable && (
          <Button size="xs" onClick={() => onRegenerate(regenerable)}>
            Regenerate “{regenerable.name}”
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => onRaiseLimit(first)}>
          Raise the limit
        </Button>
        <Button size="xs" variant="subtle" onClick={onNewShopKey}>
          Create a key for a new shop
        </Button>
      </Group>
    </Alert>
  );
}
