import { Badge, Card, Code, Group, Stack, Text } from '@mantine/core';
import { clientLabel, describeOperation, formatDuration, formatLogTime, type LogRowView } from './log-format';
import { StatusWithCode } from './StatusWithCode';

/** The request log on a phone: one card per call, what it asked and how it ended first. */
export function LogCards({ rows }: { rows: ReadonlyArray<LogRowView & { id: string }> }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Request logs">
      {rows.map((r) => (
        <Card key={r.id} component="li" withBorder radius="md" padding="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <StatusWithCode row={r} />
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDuration(r.durationMs)}
            </Text>
          </Group>
          <Text size="sm" ff="monospace" mt={6} style={{ overflowWrap: 'anywhere' }}>
            {describeOperation(r)}
          </Text>
          <Group gap={6} mt={6}>
            <Text size="xs">
              {r.apiKey.name} <Code>{r.apiKey.partialKey}</Code>
            </Text>
            {r.usedPreviousSecret && (
              <Badge size="xs" color="yellow" variant="light">
                previous secret
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" mt={2} title={`${r.at} (UTC)`}>
            {formatLogTime(r.at)}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1} title={r.userAgent ?? undefined}>
            {clientLabel(r)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
