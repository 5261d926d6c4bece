import { Fieldset, Stack, TextInput } from '@mantine/core';
import type { CreateKeyErrors, CreateKeyValues } from './create-key-form';
import { LogoPicker } from './LogoPicker';

interface Props {
  values: CreateKeyValues;
  errors: CreateKeyErrors;
  set: <K extends keyof CreateKeyValues>(key: K, value: CreateKeyValues[K], field?: keyof CreateKeyErrors) => void;
  setError: (field: keyof CreateKeyErrors, message: string | null) => void;
}

/** BAC 3: a New Shop key also needs the shop's name, logo and URL. */
export function NewShopFields({ values, errors, set, setError }: Props) {
  return (
    <Fieldset legend="New shop" radius="md" p="md">
      <Stack gap="sm">
        <TextInput
          label="Shop name"
          required
          placeholder="e.g. Lantern Books Pop-up"
          value={values.shopName}
          onChange={(e) => set('shopName', e.currentTarget.value, 'newShop.name')}
          error={errors['newShop.name']}
        />
        <TextInput
          label="Shop URL"
          required
          type="url"
          placeholder="https://shop.example.com"
          value={values.shopUrl}
          onChange={(e) => set('shopUrl', e.currentTarget.value, 'newShop.url')}
          error={errors['newShop.url']}
        />
        <LogoPicker
          value={values.logo}
          onChange={(logo) => set('logo', logo, 'newShop.logo')}
          error={errors['newShop.logo']}
          onError={(m) => setError('newShop.logo', m)}
        />
      </Stack>
    </Fieldset>
  );
}
