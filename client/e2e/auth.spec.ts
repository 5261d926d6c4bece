import { expect } from '@playwright/test';
import { expectAccessible, screenshot, signUp, test } from './support';

test('a merchant signs up, signs out, signs in again and sees the shop', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  await screenshot(page, 'auth-01-sign-in');

  const { email, password, shopName } = await signUp(page);
  // Signed in, a merchant lands on Settings > Developers; General lists the shops.
  await expect(page).toHaveURL(/\/settings\/developers/);
  await page.getByRole('tab', { name: 'General' }).click();
  await expect(page).toHaveURL(/\/settings\/general/);
  await expect(page.getByRole('heading', { name: 'Your shops' })).toBeVisible();
  await expect(page.getByText(shopName, { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'auth-02-settings-general');

  await page.getByRole('button', { name: email }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/settings/general');
  await expect(page).toHaveURL(/\/signin\?next=/);

  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');

  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back where the session ended: the page that asked for sign-in.
  await expect(page).toHaveURL(/\/settings\/general/);
  await expect(page.getByText(shopName, { exact: true })).toBeVisible();
});

test('sign-up shows field errors beside the fields', async ({ page }) => {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
  await page.getByRole('textbox', { name: 'Password' }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await expect(page.getByText('Shop name is required.')).toBeVisible();
  await screenshot(page, 'auth-03-sign-up-errors');
});

test('the demo merchant can sign in', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('textbox', { name: 'Email' }).fill('demo@keysmith.dev');
  await page.getByRole('textbox', { name: 'Password' }).fill('keysmith-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Shop Demo Coffee Roasters')).toBeVisible();
});
