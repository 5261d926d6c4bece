import { Avatar, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { activeCountLabel, type ShopLimit } from './key-limits';

/** Per-shop active-key usage, and where the owner raises a limit. */
export function KeyLimitsCard({ limits, onEdit }: { limits: ShopLimit[]; onEdit: (shop: ShopLimit) => void }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="key-limits-title">
      <Title order={3} size="h5" id="key-limits-title">
        Active key limits
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Each shop allows one active key unless you raise its limit. Expired and revoked keys do not count.
      </Text>
      <Stack gap="sm">
        {limits.map((l) => (
          <Group key={l.id} justify="space-between" wrap="nowrap" gap="md" preventGrowOverflow={false} role="group" aria-label={`Shop ${l.name}`}>
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
              <Avatar src={l.logoUrl} alt="" size={28} radius="sm" color="indigo">
                <IconBuildingStore size={16} />
              </Avatar>
              <Text size="sm" fw={500} truncate>
                {l.name}
              </Text>
            </Group>
            <Stack gap={4} w={180}>
              <Text size="xs" c="dimmed" fw={l.full ? 700 : undefined} ta="right">
                {activeCountLabel(l)}
              </Text>
              <Progress
                value={Math.min(100, (l.active / l.maxActiveKeys) * 100)}
                color={l.full ? 'orange' : 'indigo'}
                size="sm"
                aria-label={`${l.name}: ${activeCountLabel(l)}`}
              />
            </Stack>
            <Button variant="subtle" size="xs" onClick={() => onEdit(l)} aria-label={`Change limit for ${l.name}`}>
              Change limit
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
