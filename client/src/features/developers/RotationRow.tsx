import { Button, Code, Group, Table, Text } from '@mantine/core';
import { IconRotateClockwise2 } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { KeyRowFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { lastUsedLabel } from './key-view';

interface Props {
  rotation: NonNullable<KeyRowFragment['rotation']>;
  colSpan: number;
  onEnd: () => void;
  now: Date;
}

/**
 * During a zero-downtime rotation the previous secret still works. Show until
 * when, and whether anyone still calls with it: ending the rotation while it
 * is in use breaks that caller.
 */
export function RotationRow({ rotation: r, colSpan, onEnd, now }: Props) {
  return (
    <Table.Tr bg="yellow.0" data-testid="rotation-row">
      <Table.Td colSpan={colSpan} py={8}>
        {/* The text wraps inside the table's width instead of widening the table. */}
        <Group justify="space-between" wrap="nowrap" gap="md" preventGrowOverflow={false}>
          <Group gap="xs" wrap="nowrap" preventGrowOverflow={false} style={{ flex: 1, minWidth: 0 }}>
            <IconRotateClockwise2 size={16} color="var(--mantine-color-yellow-9)" aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm" style={{ minWidth: 0 }}>
              Previous key <Code>{r.previousPartialKey}</Code> keeps working until <strong>{formatDateTime(r.previousValidUntil)}</strong> (
              {dayjs(r.previousValidUntil).from(dayjs(now))}).{' '}
              {r.previousLastUsedAt ? `Last used ${lastUsedLabel(r.previousLastUsedAt, now)}.` : 'Not used since the rotation began.'}
            </Text>
          </Group>
          <Button size="compact-sm" variant="default" onClick={onEnd} style={{ flexShrink: 0 }}>
            End rotation now
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
