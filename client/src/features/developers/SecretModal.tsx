import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink } from '@tabler/icons-react';
import { CopyField } from './CopyField';
import { curlExample, firstQueryFor, sandboxUrl } from './quick-start';
import type { RevealedKey } from './use-key-actions';

interface Props {
  revealed: RevealedKey | null;
  opened: boolean;
  onClose: () => void;
  /** Called once the closing transition is over: the parent then drops the secret from its state. */
  onClosed: () => void;
  origin?: string;
}

/**
 * BAC 5: the only time the full key is visible. Clicking outside does not
 * close it (a stray click would lose the key); Escape and the buttons do.
 */
export function SecretModal({ revealed, opened, onClose, onClosed, origin = window.location.origin }: Props) {
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened && revealed !== null}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      closeOnClickOutside={false}
      size="lg"
      title={revealed?.regenerated ? 'Your regenerated API key' : 'Your new API key'}
    >
      {revealed && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Copy this key now" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
            It will not be shown again. Store it somewhere safe, such as a password manager or your deployment&apos;s secrets. If you lose it,
            regenerate it.
          </Alert>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {revealed.apiKey.name}
            </Text>
            <CopyField value={revealed.secret} label="Copy key" testId="revealed-secret" />
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Try it
            </Text>
            <CopyField value={curlExample(origin, revealed.secret, firstQueryFor(revealed.apiKey.scopes))} label="Copy curl command" block />
            <Text size="xs" c="dimmed">
              Or explore the API in{' '}
              <Anchor href={sandboxUrl(origin)} target="_blank" rel="noreferrer" size="xs" underline="always">
                Apollo Sandbox <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />
              </Anchor>
              : add the header <code>Authorization: Bearer &lt;your key&gt;</code> under Headers.
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={onClose}>I&apos;ve saved my key</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
