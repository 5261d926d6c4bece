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
          // Two rows on a phone: the name keeps its own line instead of shrinking to nothing beside the meter and button.
          <Group key={l.id} justify="space-between" gap="md" preventGrowOverflow={false} style={{ rowGap: 6 }} role="group" aria-label={`Shop ${l.name}`}>
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 160px' }}>
              <Avatar src={l.logoUrl} alt="" size={28} radius="sm" color="indigo">
                <IconBuildingStore size={16} />
              </Avatar>
              <Text size="sm" fw={500} truncate>
                {l.name}
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap" ml="auto" style={{ flex: '0 1 auto', minWidth: 0 }}>
              <Stack gap={4} w={180} style={{ minWidth: 0, flexShrink: 1 }}>
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
              <Button variant="subtle" size="xs" style={{ flexShrink: 0 }} onClick={() => onEdit(l)} aria-label={`Change limit for ${l.name}`}>
                Change limit
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
