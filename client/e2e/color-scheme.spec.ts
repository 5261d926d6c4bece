import { expect } from '@playwright/test';
import { expectAccessible, screenshot, settle, signUp, test } from './support';

const scheme = (page: import('@playwright/test').Page) => page.locator('html').getAttribute('data-mantine-color-scheme');

test('follows a dark system, is readable there, and keeps the merchant\'s own choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signUp(page, 'Night Owl Books');
  expect(await scheme(page)).toBe('dark');
  await page.getByRole('link', { name: 'Developers' }).click();
  await expect(page.getByText('No active API keys')).toBeVisible();
  await screenshot(page, 'color-scheme-00-dark-developers');
  await expectAccessible(page);

  // The key-limit notice (after the shop's one key): a faint tint in dark, not Mantine's
  // near-solid light-orange block, with its icon orange.
  await page.getByRole('button', { name: 'New API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API key' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Night shift');
  await dialog.getByRole('button', { name: 'Generate key' }).click();
  await page.getByRole('dialog', { name: 'Your new API key' }).getByRole('button', { name: "I've saved my key" }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const notice = page.getByTestId('limit-notice');
  await expect(notice).toBeVisible();
  await settle(page);
  const background = await notice.evaluate((el) => getComputedStyle(el).backgroundColor);
  const alpha = Number(/rgba\([^)]*,\s*([\d.]+)\)/.exec(background)?.[1] ?? 1);
  expect(alpha).toBeLessThan(0.2);
  const icon = await notice.locator('svg').first().evaluate((el) => getComputedStyle(el).color);
  expect(icon).toBe('rgb(255, 146, 43)'); // orange.5
  await screenshot(page, 'color-scheme-01-dark-limit-notice');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Request logs' }).click();
  await expect(page.getByText('No requests yet')).toBeVisible();
  await expectAccessible(page);

  // The merchant's pick beats the system's, after a reload too.
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  expect(await scheme(page)).toBe('light');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  expect(await scheme(page)).toBe('light');
});

test('the stored scheme is set before the app\'s script runs (no light flash on a dark page)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  // Without the app's own script, only public/color-scheme.js (allowed by the CSP) can set it.
  await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
  await page.goto('/signin');
  expect(await scheme(page)).toBe('dark');
  await page.evaluate(() => localStorage.setItem('mantine-color-scheme-value', 'light'));
  await page.reload();
  expect(await scheme(page)).toBe('light');
});
