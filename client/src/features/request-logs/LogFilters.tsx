import { Group, Select, Switch } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { LogFilterState } from './filters';

interface Props {
  value: LogFilterState;
  onChange: (next: LogFilterState) => void;
  keys: ReadonlyArray<{ id: string; name: string; partialKey: string; shop: { id: string } }>;
  shops: ReadonlyArray<{ id: string; name: string }>;
}

export function LogFilters({ value, onChange, keys, shops }: Props) {
  const visibleKeys = value.shopId ? keys.filter((k) => k.shop.id === value.shopId) : keys;
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Select
        label="Key"
        placeholder="All keys"
        clearable
        searchable
        w={240}
        data={visibleKeys.map((k) => ({ value: k.id, label: `${k.name} (${k.partialKey})` }))}
        value={value.apiKeyId}
        onChange={(apiKeyId) => onChange({ ...value, apiKeyId })}
      />
      {shops.length > 1 && (
        <Select
          label="Shop"
          placeholder="All shops"
          clearable
          w={200}
          data={shops.map((s) => ({ value: s.id, label: s.name }))}
          value={value.shopId}
          onChange={(shopId) => onChange({ ...value, shopId, apiKeyId: null })}
        />
      )}
      <DatePickerInput
        type="range"
        label="Time range"
        placeholder="Any time"
        // Mantine's default placeholder grey is below WCAG contrast on this button-like input.
        styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
        clearable
        allowSingleDateInRange
        w={260}
        maxDate={new Date()}
        value={value.range}
        onChange={(range) => onChange({ ...value, range: range as [string | null, string | null] })}
      />
      <Switch label="Errors only" checked={value.errorsOnly} onChange={(e) => onChange({ ...value, errorsOnly: e.currentTarget.checked })} mb={8} />
    </Group>
  );
}
