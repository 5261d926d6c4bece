import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import type { ApiKeyType, CreateApiKeyInput } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { formFieldOf, initialValues, toCreateInput, validateCreateKey, type CreateKeyErrors, type CreateKeyValues } from './create-key-form';
import type { ShopLimit } from './key-limits';
import { KeyTypeField } from './KeyTypeField';
import { ShopField } from './ShopField';
import { NewShopFields } from './NewShopFields';
import { ScopePicker } from './ScopePicker';

interface Props {
  opened: boolean;
  initialType: ApiKeyType;
  limits: ShopLimit[];
  onClose: () => void;
  /** Sends the key; throws the server's error, which the form places beside its field. */
  onCreate: (input: CreateApiKeyInput) => Promise<void>;
}

/** Journeys 1 and 2. Modal unmounts its content once closed, so a cancelled draft does not come back. */
export function CreateKeyModal({ opened, initialType, limits, onClose, onCreate }: Props) {
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={opened} onClose={onClose} title="New API key" size="lg">
      <CreateKeyForm initialType={initialType} limits={limits} onClose={onClose} onCreate={onCreate} />
    </Modal>
  );
}

function CreateKeyForm({ initialType, limits, onClose, onCreate }: Omit<Props, 'opened'>) {
  const firstOpen = limits.find((l) => !l.full) ?? null;
  const blocked = firstOpen ? null : limits.length === 1 ? 'This shop has reached its key limit.' : 'Every shop has reached its key limit.';
  const [values, setValues] = useState<CreateKeyValues>(() => initialValues(blocked ? 'NEW_SHOP' : initialType, firstOpen?.id ?? null));
  const [errors, setErrors] = useState<CreateKeyErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function set<K extends keyof CreateKeyValues>(key: K, value: CreateKeyValues[K], field?: keyof CreateKeyErrors) {
    setValues((v) => ({ ...v, [key]: value }));
    if (field) setError(field, null);
  }
  const setError = (field: keyof CreateKeyErrors, message: string | null) => setErrors((e) => ({ ...e, [field]: message ?? undefined }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const found = validateCreateKey(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onCreate(toCreateInput(values));
    } catch (err) {
      const info = describeError(err);
      const field = formFieldOf(info.field);
      if (field) setErrors({ [field]: info.message });
      else setFormError(info.message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          required
          data-autofocus
          placeholder="e.g. Inventory sync"
          description="Helps you recognise the key later. Only you see it."
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value, 'name')}
          error={errors.name}
        />
        <KeyTypeField value={values.type} onChange={(t) => set('type', t)} currentShopBlocked={blocked} />
        {values.type === 'CURRENT_SHOP' ? (
          <ShopField limits={limits} value={values.shopId} onChange={(id) => set('shopId', id, 'shopId')} error={errors.shopId} />
        ) : (
          <NewShopFields values={values} errors={errors} set={set} setError={setError} />
        )}
        <DatePickerInput
          label="Expires"
          required
          description="Defaults to one year from today. The key stops working after this date."
          valueFormat="MMMM D, YYYY"
          minDate={dayjs().add(1, 'day').format('YYYY-MM-DD')}
          value={values.expiresOn}
          onChange={(d) => set('expiresOn', d, 'expiresAt')}
          error={errors.expiresAt}
        />
        <ScopePicker
          preset={values.preset}
          custom={values.customScopes}
          onChange={(preset, customScopes) => {
            setValues((v) => ({ ...v, preset, customScopes }));
            setError('scopes', null);
          }}
          error={errors.scopes}
        />
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Generate key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
