import { Select, Text } from '@mantine/core';
import { activeCountLabel, type ShopLimit } from './key-limits';

interface Props {
  limits: ShopLimit[];
  value: string | null;
  onChange: (shopId: string | null) => void;
  error?: string;
}

/** Which existing shop the key is for; shops at their limit are listed but cannot be picked, and say why. */
export function ShopField({ limits, value, onChange, error }: Props) {
  if (limits.length <= 1) {
    const only = limits[0];
    if (!only) return null;
    return (
      <Text size="sm" c="dimmed">
        The key will belong to <strong>{only.name}</strong> ({activeCountLabel(only)}).
      </Text>
    );
  }
  return (
    <Select
      label="Shop"
      required
      allowDeselect={false}
      description="Shops that already have their maximum of active keys cannot take another one."
      data={limits.map((l) => ({ value: l.id, label: l.full ? `${l.name} (limit reached: ${activeCountLabel(l)})` : `${l.name} (${activeCountLabel(l)})`, disabled: l.full }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
