import { Table } from '@mantine/core';
import type { KeyRowFragment } from '../../gql/graphql';
import { RotationNotice } from './RotationNotice';

interface Props {
  rotation: NonNullable<KeyRowFragment['rotation']>;
  colSpan: number;
  onEnd: () => void;
  now: Date;
}

/** The rotation notice as a row of its own under the rotating key's row. */
export function RotationRow({ rotation, colSpan, onEnd, now }: Props) {
  return (
    <Table.Tr bg="var(--mantine-color-yellow-light)" data-testid="rotation-row">
      <Table.Td colSpan={colSpan} py={8}>
        <RotationNotice rotation={rotation} onEnd={onEnd} now={now} />
      </Table.Td>
    </Table.Tr>
  );
}
