import { Code, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { KeyRowFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { lastUsedLabel, TYPE_LABEL } from './key-view';
import { KeyActionsMenu, type KeyAction } from './KeyActionsMenu';
import { ExpiryWarning, KeyShopLine, KeyStatus } from './KeyParts';
import { RotationRow } from './RotationRow';

export const KEY_TABLE_COLUMNS = ['Name', 'Type', 'Partial Key', 'Created', 'Expires', 'Last used', 'Status'] as const;

interface Props {
  apiKey: KeyRowFragment;
  onAction: (a: KeyAction) => void;
  now: Date;
}

export function KeyTableRow({ apiKey: k, onAction, now }: Props) {
  return (
    <>
      <Table.Tr data-testid={`key-row-${k.id}`} aria-label={k.name}>
        <Table.Td>
          {/* The shop sits under the key's name: one column fewer keeps every cell on one line at laptop widths. */}
          <Stack gap={2} miw={160}>
            <Text size="sm" fw={600}>
              {k.name}
            </Text>
            <KeyShopLine apiKey={k} />
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
            <ExpiryWarning apiKey={k} now={now} />
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="sm" c={k.lastUsedAt ? undefined : 'dimmed'} title={k.lastUsedAt ? formatDateTime(k.lastUsedAt) : undefined}>
            {lastUsedLabel(k.lastUsedAt, now)}
          </Text>
        </Table.Td>
        <Table.Td>
          <KeyStatus apiKey={k} />
        </Table.Td>
        <Table.Td ta="right">
          <KeyActionsMenu apiKey={k} onAction={onAction} />
        </Table.Td>
      </Table.Tr>
      {k.rotation && <RotationRow rotation={k.rotation} colSpan={KEY_TABLE_COLUMNS.length + 1} onEnd={() => onAction('end-rotation')} now={now} />}
    </>
  );
}
