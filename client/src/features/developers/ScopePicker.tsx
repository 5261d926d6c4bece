import { Checkbox, Input, List, SegmentedControl, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { API_SCOPES, SCOPE_DESCRIPTIONS, type ApiScopeName } from '@keysmith/shared';
import { SCOPE_PRESET_LABELS, scopePreview, scopesForPreset, scopeLabel, type ScopePreset } from './scope-presets';

interface Props {
  preset: ScopePreset;
  custom: ApiScopeName[];
  onChange: (preset: ScopePreset, custom: ApiScopeName[]) => void;
  error?: string;
}

const PRESETS: ScopePreset[] = ['full', 'read', 'custom'];

/** Presets for the common cases, single scopes for the rest, and a plain-language preview of the result. */
export function ScopePicker({ preset, custom, onChange, error }: Props) {
  const scopes = scopesForPreset(preset, custom);
  const preview = scopePreview(scopes);
  return (
    <Stack gap="xs">
      <Input.Wrapper label="Permissions" labelElement="div" id="key-permissions" error={error}>
        <SegmentedControl
          mt={4}
          fullWidth
          aria-labelledby="key-permissions-label"
          value={preset}
          onChange={(v) => onChange(v as ScopePreset, v === 'custom' && custom.length === 0 ? scopesForPreset(preset, []) : custom)}
          data={PRESETS.map((p) => ({ value: p, label: SCOPE_PRESET_LABELS[p] }))}
        />
      </Input.Wrapper>
      {preset === 'custom' && (
        <Checkbox.Group aria-label="Scopes" value={custom} onChange={(v) => onChange('custom', v as ApiScopeName[])}>
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={8}>
            {API_SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={scopeLabel(s)} description={SCOPE_DESCRIPTIONS[s]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
      <Stack gap={4} p="sm" bg="var(--ks-surface-muted)" style={{ borderRadius: 'var(--mantine-radius-md)' }} aria-live="polite" data-testid="scope-preview">
        <Text size="xs" fw={600} tt="uppercase" c="dimmed">
          This key will be able to
        </Text>
        {preview.can.length ? <PreviewList items={preview.can} allowed /> : <Text size="sm">nothing yet: choose at least one permission</Text>}
        {preview.cannot.length > 0 && (
          <>
            <Text size="xs" fw={600} tt="uppercase" c="dimmed" mt={6}>
              It will not be able to
            </Text>
            <PreviewList items={preview.cannot} allowed={false} />
          </>
        )}
      </Stack>
    </Stack>
  );
}

function PreviewList({ items, allowed }: { items: string[]; allowed: boolean }) {
  return (
    <List
      size="sm"
      spacing={2}
      icon={
        <ThemeIcon size={16} radius="xl" color={allowed ? 'teal' : 'gray'} variant="light" aria-hidden>
          {allowed ? <IconCheck size={11} /> : <IconX size={11} />}
        </ThemeIcon>
      }
    >
      {items.map((t) => (
        <List.Item key={t}>{t.charAt(0).toUpperCase() + t.slice(1)}</List.Item>
      ))}
    </List>
  );
}
