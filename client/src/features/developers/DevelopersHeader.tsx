import { Anchor, Button, Group, Switch, Text, Title, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';

interface Props {
  showRevoked: boolean;
  onShowRevoked: (v: boolean) => void;
  /** Why "New API Key" cannot be used now, or null when it can. */
  blockedReason: string | null;
  onNew: () => void;
}

export function DevelopersHeader({ showRevoked, onShowRevoked, blockedReason, onNew }: Props) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
      <div>
        <Title order={2} size="h4">
          API keys
        </Title>
        <Text c="dimmed" size="sm" maw={620}>
          Keys let partner integrations call your shop&apos;s GraphQL API. A key is shown in full only once, when it is created. Every call is
          recorded in the{' '}
          <Anchor component={Link} to="/settings/logs" size="sm" underline="always">
            request log
          </Anchor>
          .
        </Text>
      </div>
      <Group gap="lg">
        <Switch label="Show revoked" checked={showRevoked} onChange={(e) => onShowRevoked(e.currentTarget.checked)} />
        {/* aria-disabled rather than disabled: the button stays focusable, so the reason is reachable by keyboard too. */}
        <Tooltip label={blockedReason} disabled={!blockedReason} withArrow multiline w={260}>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => !blockedReason && onNew()}
            data-disabled={blockedReason ? true : undefined}
            aria-disabled={blockedReason ? true : undefined}
            aria-describedby={blockedReason ? 'limit-notice' : undefined}
          >
            New API Key
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
