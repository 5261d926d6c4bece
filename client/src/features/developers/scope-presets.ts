import { API_SCOPES, READ_ONLY_SCOPES, SCOPE_DESCRIPTIONS, normalizeScopes, type ApiScopeName } from '@keysmith/shared';

export type ScopePreset = 'full' | 'read' | 'custom';

export const SCOPE_PRESET_LABELS: Record<ScopePreset, string> = { full: 'Full access', read: 'Read only', custom: 'Custom' };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));

/** The scopes a preset stands for; Custom uses what the merchant ticked. */
export function scopesForPreset(preset: ScopePreset, custom: readonly ApiScopeName[]): ApiScopeName[] {
  if (preset === 'full') return [...API_SCOPES];
  if (preset === 'read') return [...READ_ONLY_SCOPES];
  return normalizeScopes(custom);
}

export function presetOf(scopes: readonly string[]): ScopePreset {
  if (same(scopes, API_SCOPES)) return 'full';
  if (same(scopes, READ_ONLY_SCOPES)) return 'read';
  return 'custom';
}

/** Plain language for the preview: what the key will and will not be able to do. */
export function scopePreview(scopes: readonly string[]): { can: string[]; cannot: string[] } {
  return {
    can: API_SCOPES.filter((s) => scopes.includes(s)).map((s) => SCOPE_DESCRIPTIONS[s]),
    cannot: API_SCOPES.filter((s) => !scopes.includes(s)).map((s) => SCOPE_DESCRIPTIONS[s]),
  };
}

/** One short label for the table. */
export function scopeSummary(scopes: readonly string[]): string {
  const preset = presetOf(scopes);
  if (preset !== 'custom') return SCOPE_PRESET_LABELS[preset];
  return `${scopes.length} ${scopes.length === 1 ? 'scope' : 'scopes'}`;
}

/** "INVENTORY_WRITE" -> "Inventory: write", for checkbox labels. */
export function scopeLabel(scope: ApiScopeName): string {
  const [area = '', access = ''] = scope.split('_');
  return `${area.charAt(0)}${area.slice(1).toLowerCase()}: ${access.toLowerCase()}`;
}
