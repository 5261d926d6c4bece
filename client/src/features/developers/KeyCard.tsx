import { Box, Card, Code, Group, Stack, Text } from '@mantine/core';
import type { KeyRowFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { lastUsedLabel, TYPE_LABEL } from './key-view';
import { KeyActionsMenu, type KeyAction } from './KeyActionsMenu';
import { ExpiryWarning, KeyShopLine, KeyStatus } from './KeyParts';
import { RotationNotice } from './RotationNotice';

interface Props {
  apiKey: KeyRowFragment;
  onAction: (a: KeyAction) => void;
  now: Date;
}

/**
 * One key on a phone or a narrow tablet (lib/layout.ts), where the table's eight columns would
 * need sideways scrolling to reach the status and the actions: the same facts, with the name,
 * the actions menu and the status on top.
 */
export function KeyCard({ apiKey: k, onAction, now }: Props) {
  return (
    <Card withBorder radius="md" padding="sm" component="li" aria-label={k.name} data-testid={`key-card-${k.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {k.name}
          </Text>
          <KeyShopLine apiKey={k} />
        </Stack>
        <KeyActionsMenu apiKey={k} onAction={onAction} />
      </Group>
      <Box mt="xs">
        <KeyStatus apiKey={k} />
      </Box>
      <Group gap="xs" mt="xs">
        <Code>{k.partialKey}</Code>
        <Text size="xs" c="dimmed">
          {TYPE_LABEL[k.type]}
        </Text>
      </Group>
      <Group gap={6} mt={6}>
        <Text size="xs" c="dimmed">
          <span title={formatDateTime(k.createdAt)}>Created {formatDate(k.createdAt)}</span> · Expires {formatDate(k.expiresAt)}
        </Text>
        <ExpiryWarning apiKey={k} now={now} />
      </Group>
      <Text size="xs" c="dimmed" mt={2} title={k.lastUsedAt ? formatDateTime(k.lastUsedAt) : undefined}>
        {k.lastUsedAt ? `Last used ${lastUsedLabel(k.lastUsedAt, now)}` : 'Never used'}
      </Text>
      {k.rotation && (
        <Card.Section bg="var(--mantine-color-yellow-light)" mt="sm" px="sm" py={8} withBorder data-testid="rotation-row">
          <RotationNotice rotation={k.rotation} onEnd={() => onAction('end-rotation')} now={now} stacked />
        </Card.Section>
      )}
    </Card>
  );
}
