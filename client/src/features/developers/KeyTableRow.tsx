import { Avatar, Badge, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import type { KeyRowFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { daysLeft, expiringSoon, lastUsedLabel, STATUS_COLOR, STATUS_LABEL, TYPE_LABEL } from './key-view';
import { scopeSummary } from './scope-presets';
import { KeyActionsMenu, type KeyAction } from './KeyActionsMenu';
import { RotationRow } from './RotationRow';

export const KEY_TABLE_COLUMNS = ['Name', 'Type', 'Partial Key', 'Created', 'Expires', 'Last used', 'Status'] as const;

interface Props {
  apiKey: KeyRowFragment;
  onAction: (a: KeyAction) => void;
  now: Date;
}

export function KeyTableRow({ apiKey: k, onAction, now }: Props) {
  const soon = expiringSoon(k, now);
  return (
    <>
      <Table.Tr data-testid={`key-row-${k.id}`} aria-label={k.name}>
        <Table.Td>
          {/* The shop sits under the key's name: one column fewer keeps every cell on one line at laptop widths. */}
          <Stack gap={2} miw={160}>
            <Text size="sm" fw={600}>
              {k.name}
            </Text>
            <Group gap={6} wrap="nowrap" preventGrowOverflow={false}>
              <Avatar src={k.shop.logoUrl} alt="" size={16} radius="xs" color="indigo" style={{ flexShrink: 0 }}>
                <IconBuildingStore size={10} />
              </Avatar>
              <Text size="xs" c="dimmed">
                <span data-testid="key-shop">{k.shop.name}</span> · {scopeSummary(k.scopes)}
              </Text>
            </Group>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {TYPE_LABEL[k.type]}
          </Text>
        </Table.Td>
        <Table.Td>
          <Code style={{ whiteSpace: 'nowrap' }}>{k.partialKey}</Code>
        </Table.Td>
        <Table.Td>
          <Tooltip label={formatDateTime(k.createdAt)} withArrow>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(k.createdAt)}
            </Text>
          </Tooltip>
        </Table.Td>
        <Table.Td>
          <Stack gap={2} align="flex-start">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(k.expiresAt)}
            </Text>
            {soon && (
              <Badge size="xs" color="orange.2" autoContrast variant="filled" title={`Expires ${formatDateTime(k.expiresAt)}`}>
                {`in ${daysLeft(k.expiresAt, now)} ${daysLeft(k.expiresAt, now) === 1 ? 'day' : 'days'}`}
              </Badge>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="sm" c={k.lastUsedAt ? undefined : 'dimmed'} title={k.lastUsedAt ? formatDateTime(k.lastUsedAt) : undefined}>
            {lastUsedLabel(k.lastUsedAt, now)}
          </Text>
        </Table.Td>
        <Table.Td>
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
        </Table.Td>
        <Table.Td ta="right">
          <KeyActionsMenu apiKey={k} onAction={onAction} />
        </Table.Td>
      </Table.Tr>
      {k.rotation && <RotationRow rotation={k.rotation} colSpan={KEY_TABLE_COLUMNS.length + 1} onEnd={() => onAction('end-rotation')} now={now} />}
    </>
  );
}
