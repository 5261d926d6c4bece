import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { MAX_ACTIVE_KEYS_LIMIT } from '@keysmith/shared';
import { describeError } from '../../lib/errors';
import type { ShopLimit } from './key-limits';
import { useRetained } from './use-retained';

interface Props {
  shop: ShopLimit | null;
  onClose: () => void;
  onSave: (shopId: string, max: number) => Promise<void>;
}

/** The owner may allow several active keys per shop, e.g. one per partner (1..25). */
export function LimitModal({ shop, onClose, onSave }: Props) {
  const shown = useRetained(shop);
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={shop !== null} onClose={onClose} title="Active key limit" size="sm">
      {shown && <LimitForm key={shown.id} shop={shown} onClose={onClose} onSave={onSave} />}
    </Modal>
  );
}

function LimitForm({ shop, onClose, onSave }: { shop: ShopLimit } & Omit<Props, 'shop'>) {
  const [max, setMax] = useState<number | string>(Math.max(shop.maxActiveKeys, Math.min(shop.active + 1, MAX_ACTIVE_KEYS_LIMIT)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(max);
    if (!Number.isInteger(n) || n < 1 || n > MAX_ACTIVE_KEYS_LIMIT) {
      setError(`Enter a whole number from 1 to ${MAX_ACTIVE_KEYS_LIMIT}.`);
      return;
    }
    setBusy(true);
    try {
      await onSave(shop.id, n);
    } catch (err) {
      setError(describeError(err).message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">
          How many active keys <strong>{shop.name}</strong> may have at once. It has {shop.active} now. A lower limit never revokes existing keys.
        </Text>
        <NumberInput
          label="Active keys allowed"
          data-autofocus
          min={1}
          max={MAX_ACTIVE_KEYS_LIMIT}
          clampBehavior="none"
          allowDecimal={false}
          description={`1 to ${MAX_ACTIVE_KEYS_LIMIT}`}
          value={max}
          onChange={(v) => {
            setMax(v);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save limit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
