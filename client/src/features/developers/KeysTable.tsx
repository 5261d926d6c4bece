import { Stack, Table, VisuallyHidden } from '@mantine/core';
import type { KeyRowFragment } from '../../gql/graphql';
import { useNarrow } from '../../lib/layout';
import { KeyCard } from './KeyCard';
import { KeyTableRow, KEY_TABLE_COLUMNS } from './KeyTableRow';
import type { KeyAction } from './KeyActionsMenu';

interface Props {
  keys: readonly KeyRowFragment[];
  onAction: (action: KeyAction, key: KeyRowFragment) => void;
  now?: Date;
}

/** BAC 2: every key of every shop of the merchant, newest first as the server sends them. */
export function KeysTable({ keys, onAction, now = new Date() }: Props) {
  // On a phone the table's eight columns need sideways scrolling to reach status and actions.
  if (useNarrow()) {
    return (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="API keys">
        {keys.map((k) => (
          <KeyCard key={k.id} apiKey={k} onAction={(a) => onAction(a, k)} now={now} />
        ))}
      </Stack>
    );
  }
  // Focusable so keyboard users can scroll it sideways on narrow screens (a revoked-only list has no buttons).
  return (
    <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label="API keys table">
      <Table verticalSpacing="sm" horizontalSpacing="sm" aria-label="API keys">
        <Table.Thead>
          <Table.Tr>
            {KEY_TABLE_COLUMNS.map((c) => (
              <Table.Th key={c} style={{ whiteSpace: 'nowrap' }}>
                {c}
              </Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => (
            <KeyTableRow key={k.id} apiKey={k} onAction={(a) => onAction(a, k)} now={now} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
