import { Badge, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { useNarrow } from '../../lib/layout';
import { LogCards } from './LogCards';
import { clientLabel, describeOperation, formatDuration, formatLogTime, type LogRowView } from './log-format';
import { StatusWithCode } from './StatusWithCode';

interface Props {
  rows: ReadonlyArray<LogRowView & { id: string }>;
}

export function LogTable({ rows }: Props) {
  // On a phone the six columns need sideways scrolling: one card per call instead.
  if (useNarrow()) return <LogCards rows={rows} />;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Request logs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Operation</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Duration</Table.Th>
            <Table.Th>Client</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Tooltip label={`${r.at} (UTC)`} withArrow>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatLogTime(r.at)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.apiKey.name}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Code>{r.apiKey.partialKey}</Code>
                  {r.usedPreviousSecret && (
                    <Badge size="xs" color="yellow" variant="light">
                      previous secret
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" lineClamp={2}>
                  {describeOperation(r)}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusWithCode row={r} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDuration(r.durationMs)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={1} title={r.userAgent ?? undefined}>
                  {clientLabel(r)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
