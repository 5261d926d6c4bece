import { API_SCOPES, MAX_LOGO_BYTES, defaultExpiry } from '@keysmith/shared';
import { everyShopFull, shopLimits } from './key-limits';
import { presetOf, scopePreview, scopeLabel, scopeSummary, scopesForPreset } from './scope-presets';
import { checkLogoFile } from './logo-file';
import { expiryFor, formFieldOf, initialValues, toCreateInput, validateCreateKey } from './create-key-form';
import { curlExample, firstQueryFor } from './quick-start';
import { daysLeft, expiringSoon, graceLabel, lastUsedLabel } from './key-view';

const NOW = new Date('2026-03-10T14:30:00.000Z');

describe('shop limits (BAC 6)', () => {
  const shops = [
    { id: 's1', name: 'Main', maxActiveKeys: 1 },
    { id: 's2', name: 'Headless', maxActiveKeys: 2 },
  ];
  it('counts ACTIVE keys only, per shop', () => {
    const keys = [
      { status: 'ACTIVE', shop: { id: 's1' } },
      { status: 'REVOKED', shop: { id: 's2' } },
      { status: 'EXPIRED', shop: { id: 's2' } },
      { status: 'ACTIVE', shop: { id: 's2' } },
    ];
    const limits = shopLimits(shops, keys);
    expect(limits.map((l) => [l.active, l.full])).toEqual([
      [1, true],
      [1, false],
    ]);
    expect(everyShopFull(limits)).toBe(false);
    expect(everyShopFull(shopLimits(shops, [...keys, { status: 'ACTIVE', shop: { id: 's2' } }]))).toBe(true);
    expect(everyShopFull([])).toBe(false);
  });
});

describe('scope presets', () => {
  it('maps presets to scopes and back', () => {
    expect(scopesForPreset('full', [])).toEqual([...API_SCOPES]);
    expect(scopesForPreset('read', [])).toEqual(['SHOP_READ', 'INVENTORY_READ', 'OFFERS_READ']);
    expect(scopesForPreset('custom', ['OFFERS_WRITE', 'SHOP_READ', 'SHOP_READ'])).toEqual(['SHOP_READ', 'OFFERS_WRITE']);
    expect(presetOf([...API_SCOPES].reverse())).toBe('full');
    expect(presetOf(['OFFERS_READ', 'SHOP_READ', 'INVENTORY_READ'])).toBe('read');
    expect(presetOf(['SHOP_READ'])).toBe('custom');
    expect(scopeSummary(['SHOP_READ'])).toBe('1 scope');
    expect(scopeSummary(API_SCOPES)).toBe('Full access');
    expect(scopeLabel('INVENTORY_WRITE')).toBe('Inventory: write');
  });
  it('says in plain words what the key can and cannot do', () => {
    expect(scopePreview(['SHOP_READ', 'OFFERS_WRITE'])).toEqual({
      can: ['read the shop profile', 'submit offers'],
      cannot: ['change the shop profile', 'read inventory items', 'create and update inventory items', 'read offers'],
    });
  });
});

describe('logo file check', () => {
  it('accepts PNG, JPEG and WebP up to 512 KB', () => {
    expect(checkLogoFile({ type: 'image/png', size: MAX_LOGO_BYTES })).toBeNull();
    expect(checkLogoFile({ type: 'image/webp', size: 10 })).toBeNull();
    expect(checkLogoFile({ type: 'image/svg+xml', size: 10 })).toBe('Choose a PNG, JPEG or WebP image.');
    expect(checkLogoFile({ type: 'image/jpeg', size: MAX_LOGO_BYTES + 1 })).toMatch(/at most 512 KB \(this one is 513 KB\)/);
    expect(checkLogoFile({ type: 'image/png', size: 0 })).toBe('This file is empty.');
  });
});

describe('create-key form', () => {
  it('defaults the expiry to exactly one year from now (BAC 4)', () => {
    const v = initialValues('CURRENT_SHOP', 's1', NOW);
    expect(expiryFor(v.expiresOn as string, NOW).toISOString()).toBe(defaultExpiry(NOW).toISOString());
    expect(toCreateInput({ ...v, name: ' Sync ' }, NOW)).toEqual({
      name: 'Sync',
      type: 'CURRENT_SHOP',
      shopId: 's1',
      expiresAt: '2027-03-10T14:30:00.000Z',
      scopes: [...API_SCOPES],
    });
  });
  it('keeps the time of day for another picked date', () => {
    const picked = expiryFor('2026-06-01', NOW);
    expect(picked.getTime() - NOW.getTime()).toBeGreaterThan(80 * 86_400_000);
    expect(picked.getMinutes()).toBe(NOW.getMinutes());
  });
  it('requires name and expiry for Current Shop (BAC 3)', () => {
    const v = { ...initialValues('CURRENT_SHOP', null, NOW), expiresOn: null };
    expect(validateCreateKey(v, NOW)).toEqual({ name: expect.any(String), expiresAt: 'Pick an expiry date.' });
    expect(validateCreateKey({ ...v, name: 'k', expiresOn: '2026-03-09' }, NOW)).toEqual({ expiresAt: 'Pick a date in the future.' });
    expect(validateCreateKey({ ...v, name: 'x'.repeat(101), expiresOn: '2026-04-01' }, NOW)).toEqual({ name: 'At most 100 characters.' });
  });
  it('requires shop name, logo and an http(s) URL for New Shop (BAC 3)', () => {
    const v = { ...initialValues('NEW_SHOP', null, NOW), name: 'k' };
    expect(Object.keys(validateCreateKey(v, NOW)).sort()).toEqual(['newShop.logo', 'newShop.name', 'newShop.url']);
    expect(validateCreateKey({ ...v, shopName: 'S', shopUrl: 'ftp://x', logo: 'data:' }, NOW)).toEqual({ 'newShop.url': expect.stringMatching(/http\(s\)/) });
    const ok = { ...v, shopName: ' Pop-up ', shopUrl: 'https://popup.example', logo: 'data:image/png;base64,AA', preset: 'read' as const };
    expect(validateCreateKey(ok, NOW)).toEqual({});
    expect(toCreateInput(ok, NOW)).toEqual({
      name: 'k',
      type: 'NEW_SHOP',
      expiresAt: '2027-03-10T14:30:00.000Z',
      scopes: ['SHOP_READ', 'INVENTORY_READ', 'OFFERS_READ'],
      newShop: { name: 'Pop-up', url: 'https://popup.example', logo: 'data:image/png;base64,AA' },
    });
  });
  it('needs at least one scope when custom', () => {
    const v = { ...initialValues('CURRENT_SHOP', null, NOW), name: 'k', preset: 'custom' as const };
    expect(validateCreateKey(v, NOW)).toEqual({ scopes: 'Choose at least one permission.' });
  });
  it("places the server's extensions.field on a form field", () => {
    expect(formFieldOf('newShop.logo')).toBe('newShop.logo');
    expect(formFieldOf('newShop')).toBe('newShop.name');
    expect(formFieldOf('expiresAt')).toBe('expiresAt');
    expect(formFieldOf('input')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });
});

describe('quick start', () => {
  it('builds a ready-to-run curl call with a query the scopes allow', () => {
    expect(curlExample('https://k.example', 'sk_x', firstQueryFor(['SHOP_READ']))).toBe(
      `curl -X POST https://k.example/graphql \\\n  -H 'Authorization: Bearer sk_x' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"query":"{ shop { name } }"}'`,
    );
    expect(firstQueryFor(['INVENTORY_READ'])).toMatch(/^\{ inventory/);
    expect(firstQueryFor(['OFFERS_READ', 'OFFERS_WRITE'])).toMatch(/^\{ offers/);
  });
});

describe('key view helpers', () => {
  it('flags active keys expiring within 30 days', () => {
    expect(expiringSoon({ status: 'ACTIVE', expiresAt: '2026-03-30T00:00:00Z' }, NOW)).toBe(true);
    expect(expiringSoon({ status: 'REVOKED', expiresAt: '2026-03-30T00:00:00Z' }, NOW)).toBe(false);
    expect(expiringSoon({ status: 'ACTIVE', expiresAt: '2026-06-30T00:00:00Z' }, NOW)).toBe(false);
    expect(daysLeft('2026-03-11T14:00:00Z', NOW)).toBe(1);
  });
  it('labels last use and grace periods', () => {
    expect(lastUsedLabel(null, NOW)).toBe('Never');
    expect(lastUsedLabel('2026-03-10T14:25:00Z', NOW)).toBe('5 minutes ago');
    expect([0, 3600, 86400, 604800].map(graceLabel)).toEqual(['Immediately', '1 hour', '24 hours', '7 days']);
  });
});
