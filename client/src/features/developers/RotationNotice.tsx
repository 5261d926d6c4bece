import { Button, Code, Group, Text } from '@mantine/core';
import { IconRotateClockwise2 } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { KeyRowFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { lastUsedLabel } from './key-view';

interface Props {
  rotation: NonNullable<KeyRowFragment['rotation']>;
  onEnd: () => void;
  now: Date;
  /** The button under the text rather than beside it (a phone's key card). */
  stacked?: boolean;
}

/**
 * During a zero-downtime rotation the previous secret still works. Show until
 * when, and whether anyone still calls with it: ending the rotation while it
 * is in use breaks that caller. In the keys table's row below the key
 * (RotationRow) and at the foot of its card on a phone (KeyCard).
 */
export function RotationNotice({ rotation: r, onEnd, now, stacked = false }: Props) {
  return (
    // The text wraps inside the space it has instead of widening it.
    <Group justify="space-between" wrap={stacked ? 'wrap' : 'nowrap'} gap="md" preventGrowOverflow={false} style={{ rowGap: 8 }}>
      <Group gap="xs" wrap="nowrap" preventGrowOverflow={false} style={{ flex: stacked ? '1 1 100%' : 1, minWidth: 0 }}>
        <IconRotateClockwise2 size={16} color="var(--ks-attention-icon)" aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" style={{ minWidth: 0 }}>
          Previous key <Code>{r.previousPartialKey}</Code> keeps working until <strong>{formatDateTime(r.previousValidUntil)}</strong> (
          {dayjs(r.previousValidUntil).from(dayjs(now))}).{' '}
          {r.previousLastUsedAt ? `Last used ${lastUsedLabel(r.previousLastUsedAt, now)}.` : 'Not used since the rotation began.'}
        </Text>
      </Group>
      <Button size="compact-sm" variant="default" onClick={onEnd} style={{ flexShrink: 0 }} ml={stacked ? 'auto' : undefined}>
        End rotation now
      </Button>
    </Group>
  );
}
