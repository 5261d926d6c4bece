import dayjs from 'dayjs';
import { NAME_MAX_LENGTH, URL_MAX_LENGTH, defaultExpiry, type ApiScopeName } from '@keysmith/shared';
import type { ApiKeyType, CreateApiKeyInput } from '../../gql/graphql';
import { scopesForPreset, type ScopePreset } from './scope-presets';

export interface CreateKeyValues {
  name: string;
  type: ApiKeyType;
  /** CURRENT_SHOP only. */
  shopId: string | null;
  /** The picker's local day, 'YYYY-MM-DD'. */
  expiresOn: string | null;
  shopName: string;
  shopUrl: string;
  /** data: URL of the chosen image. */
  logo: string | null;
  preset: ScopePreset;
  customScopes: ApiScopeName[];
}

/** Field names as the server reports them in `extensions.field`. */
export type CreateKeyField = 'name' | 'type' | 'shopId' | 'expiresAt' | 'newShop.name' | 'newShop.url' | 'newShop.logo' | 'scopes';
export type CreateKeyErrors = Partial<Record<CreateKeyField, string>>;

const FIELDS: readonly CreateKeyField[] = ['name', 'type', 'shopId', 'expiresAt', 'newShop.name', 'newShop.url', 'newShop.logo', 'scopes'];

const toDay = (d: Date) => dayjs(d).format('YYYY-MM-DD');

export function initialValues(type: ApiKeyType, shopId: string | null, now = new Date()): CreateKeyValues {
  return { name: '', type, shopId, expiresOn: toDay(defaultExpiry(now)), shopName: '', shopUrl: '', logo: null, preset: 'full', customScopes: [] };
}

/**
 * BAC 4: left at its default day, the key expires exactly one year from now
 * (shared defaultExpiry). Another day keeps the current time of day, so a key
 * picked "for tomorrow" lives a full 24 hours rather than until midnight.
 */
export function expiryFor(expiresOn: string, now = new Date()): Date {
  const def = defaultExpiry(now);
  if (expiresOn === toDay(def)) return def;
  const t = dayjs(now);
  return dayjs(expiresOn).hour(t.hour()).minute(t.minute()).second(t.second()).millisecond(t.millisecond()).toDate();
}

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
};

/** The server's rules, checked first so errors show beside the field without a round trip. */
export function validateCreateKey(v: CreateKeyValues, now = new Date()): CreateKeyErrors {
  const e: CreateKeyErrors = {};
  if (!v.name.trim()) e.name = 'Give the key a name, e.g. the integration that will use it.';
  else if (v.name.trim().length > NAME_MAX_LENGTH) e.name = `At most ${NAME_MAX_LENGTH} characters.`;
  if (!v.expiresOn) e.expiresAt = 'Pick an expiry date.';
  else if (expiryFor(v.expiresOn, now).getTime() <= now.getTime()) e.expiresAt = 'Pick a date in the future.';
  if (v.preset === 'custom' && v.customScopes.length === 0) e.scopes = 'Choose at least one permission.';
  if (v.type === 'NEW_SHOP') {
    if (!v.shopName.trim()) e['newShop.name'] = 'Shop name is required.';
    else if (v.shopName.trim().length > NAME_MAX_LENGTH) e['newShop.name'] = `At most ${NAME_MAX_LENGTH} characters.`;
    if (!v.shopUrl.trim()) e['newShop.url'] = 'Shop URL is required.';
    else if (v.shopUrl.trim().length > URL_MAX_LENGTH || !isHttpUrl(v.shopUrl)) e['newShop.url'] = 'Enter an http(s) URL such as https://shop.example.com.';
    if (!v.logo) e['newShop.logo'] = 'A logo is required.';
  }
  return e;
}

export function toCreateInput(v: CreateKeyValues, now = new Date()): CreateApiKeyInput {
  const base = { name: v.name.trim(), type: v.type, expiresAt: expiryFor(v.expiresOn ?? '', now).toISOString(), scopes: scopesForPreset(v.preset, v.customScopes) };
  if (v.type === 'NEW_SHOP') return { ...base, newShop: { name: v.shopName.trim(), url: v.shopUrl.trim(), logo: v.logo ?? '' } };
  return { ...base, shopId: v.shopId };
}

/** The form field a server error belongs to ('newShop' as a whole goes beside the shop name). */
export function formFieldOf(serverField: string | undefined): CreateKeyField | null {
  if (!serverField) return null;
  if (serverField === 'newShop') return 'newShop.name';
  return (FIELDS as readonly string[]).includes(serverField) ? (serverField as CreateKeyField) : null;
}
