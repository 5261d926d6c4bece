import { ActionIcon, Menu } from '@mantine/core';
import { IconBan, IconDots, IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import type { KeyRowFragment } from '../../gql/graphql';

export type KeyAction = 'regenerate' | 'revoke' | 'end-rotation';

/** Row actions; a revoked key has none left (it cannot be regenerated or revived). */
export function KeyActionsMenu({ apiKey, onAction }: { apiKey: KeyRowFragment; onAction: (a: KeyAction) => void }) {
  if (apiKey.status === 'REVOKED') return null;
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={200}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${apiKey.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconRefresh size={16} />} onClick={() => onAction('regenerate')}>
          Regenerate…
        </Menu.Item>
        {apiKey.rotation && (
          <Menu.Item leftSection={<IconPlayerStop size={16} />} onClick={() => onAction('end-rotation')}>
            End rotation now…
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item color="red.9" leftSection={<IconBan size={16} />} onClick={() => onAction('revoke')}>
          Revoke…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
