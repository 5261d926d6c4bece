import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ApiKeyType } from '../../gql/graphql';

interface Props {
  value: ApiKeyType;
  onChange: (t: ApiKeyType) => void;
  /** Why a key for an existing shop is impossible right now, if it is. */
  currentShopBlocked: string | null;
}

const OPTIONS: Array<{ value: ApiKeyType; label: string; description: string }> = [
  { value: 'CURRENT_SHOP', label: 'Current Shop', description: 'A key for a shop you already have.' },
  { value: 'NEW_SHOP', label: 'New Shop', description: 'Creates a new headless shop with its own key.' },
];

export function KeyTypeField({ value, onChange, currentShopBlocked }: Props) {
  return (
    <Radio.Group label="Type" value={value} onChange={(v) => onChange(v as ApiKeyType)} required>
      <SimpleGrid cols={2} spacing="sm" mt={6}>
        {OPTIONS.map((o) => {
          const disabled = o.value === 'CURRENT_SHOP' && currentShopBlocked !== null;
          return (
            <Radio.Card key={o.value} value={o.value} radius="md" p="sm" disabled={disabled} style={disabled ? { opacity: 0.75, cursor: 'not-allowed' } : undefined}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} disabled={disabled} />
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {o.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {disabled ? currentShopBlocked : o.description}
                  </Text>
                </Stack>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}
