import { useState } from 'react';
import { Alert, Button, Code, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { GRACE_PERIOD_CHOICES_SECONDS } from '@keysmith/shared';
import type { KeyRowFragment } from '../../gql/graphql';
import { graceLabel } from './key-view';
import { describeError } from '../../lib/errors';
import { useRetained } from './use-retained';

interface Props {
  apiKey: KeyRowFragment | null;
  onClose: () => void;
  onConfirm: (key: KeyRowFragment, gracePeriodSeconds: number) => Promise<void>;
}

/** Journey 3 / BAC 7: immediate invalidation by default; a grace period is an explicit choice. */
export function RegenerateModal({ apiKey, onClose, onConfirm }: Props) {
  const shown = useRetained(apiKey);
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={apiKey !== null} onClose={onClose} title="Regenerate key" size="md">
      {shown && <RegenerateForm key={shown.id} apiKey={shown} onClose={onClose} onConfirm={onConfirm} />}
    </Modal>
  );
}

function RegenerateForm({ apiKey, onClose, onConfirm }: { apiKey: KeyRowFragment } & Omit<Props, 'apiKey'>) {
  const [grace, setGrace] = useState('0');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seconds = Number(grace);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(apiKey, seconds);
    } catch (e) {
      setError(describeError(e).message);
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        A new secret replaces the one of <strong>{apiKey.name}</strong> (<Code>{apiKey.partialKey}</Code>). Its name, shop and permissions stay the same.
      </Text>
      <Radio.Group label="When should the old key stop working?" value={grace} onChange={setGrace}>
        <Stack gap={8} mt={8}>
          {GRACE_PERIOD_CHOICES_SECONDS.map((s) => (
            <Radio key={s} value={String(s)} label={s === 0 ? 'Immediately (recommended if the key leaked)' : `After ${graceLabel(s)}`} />
          ))}
        </Stack>
      </Radio.Group>
      {seconds === 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
          The old key will stop working immediately. Integrations still using it will fail until they get the new key.
        </Alert>
      ) : (
        <Alert color="blue" variant="light" icon={<IconClockHour4 />}>
          The old key keeps working until about {dayjs().add(seconds, 'second').format('MMM D, HH:mm')}, so you can switch your integrations without
          downtime. You can end the rotation earlier from the keys table.
          {apiKey.rotation && ` The older key ${apiKey.rotation.previousPartialKey}, still in its grace period, stops now.`}
        </Alert>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button color={seconds === 0 ? 'red.9' : undefined} onClick={() => void confirm()} loading={busy}>
          Regenerate key
        </Button>
      </Group>
    </Stack>
  );
}
