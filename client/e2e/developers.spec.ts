import { expect } from '@playwright/test';
import { expectAccessible, settle, pageAndStorageText, partnerCall, screenshot, signUp, test } from './support';

/** Journeys 1 and 4 with BAC 1, 2, 4, 5, 6 and 8, against the real server. */
test('create a Current Shop key, use it, hit the limit, revoke it', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signUp(page, 'Lantern Books');

  // BAC 1: the tab is in the navigation, and sign-up lands on it.
  await expect(page).toHaveURL(/\/settings\/developers$/);
  await expect(page.getByRole('link', { name: 'Developers' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Developers', selected: true })).toBeVisible();
  await expect(page.getByText('No active API keys')).toBeVisible();
  await settle(page);
  await screenshot(page, 'developers-01-empty');
  await expectAccessible(page);

  // Journey 1: New API Key -> name, Current Shop, default expiry -> Generate.
  await page.getByRole('button', { name: 'New API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API key' });
  await expect(dialog.getByRole('radio', { name: /Current Shop/ })).toHaveAttribute('aria-checked', 'true');
  // BAC 4: exactly one year from today.
  const nextYear = new Date();
  nextYear.setFullYear(nextYear.getFullYear() + 1);
  const expected = nextYear.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
  await expect(dialog.getByRole('button', { name: /Expires/ })).toHaveText(expected);
  await dialog.getByRole('button', { name: 'Generate key' }).click();
  await expect(dialog.getByText('Give the key a name')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Inventory sync');
  await expect(dialog.getByTestId('scope-preview')).toContainText('Read inventory items');
  await settle(page);
  await screenshot(page, 'developers-02-create-current-shop');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Generate key' }).click();

  // BAC 5: the full key, once, with copy, warning, curl and Sandbox.
  const success = page.getByRole('dialog', { name: 'Your new API key' });
  await expect(success.getByText('It will not be shown again')).toBeVisible();
  const secret = (await success.getByTestId('revealed-secret').innerText()).trim();
  expect(secret).toMatch(/^sk_[0-9A-Za-z]{38}$/);
  await expect(success.getByText(`Authorization: Bearer ${secret}`)).toBeVisible();
  await expect(success.getByRole('link', { name: /Apollo Sandbox/ })).toHaveAttribute('href', `${baseURL}/graphql`);
  await success.getByRole('button', { name: 'Copy key' }).click();
  // The button says "Copied" once the clipboard write has finished (it is asynchronous).
  await expect(success.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await settle(page);
  await screenshot(page, 'developers-03-secret-shown-once');
  await expectAccessible(page);

  // The copied key really works for a partner.
  const call = await partnerCall(baseURL as string, secret);
  expect(call.status).toBe(200);
  expect(call.body.data?.shop.name).toBe('Lantern Books');

  await success.getByRole('button', { name: "I've saved my key" }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const row = page.getByRole('row', { name: 'Inventory sync' });
  await expect(row).toContainText(`sk_...${secret.slice(-6)}`);
  await expect(row).toContainText('Current Shop');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Lantern Books');
  // After closing: only the partial key, nowhere the secret (DOM, localStorage, sessionStorage).
  expect(await pageAndStorageText(page)).not.toContain(secret);
  expect(await pageAndStorageText(page)).not.toContain(secret.slice(3, 20));

  // BAC 6: the shop has its one active key: New API Key is disabled, with a way out.
  await expect(page.getByRole('button', { name: 'New API Key' })).toBeDisabled();
  const notice = page.getByTestId('limit-notice');
  await expect(notice).toContainText('Lantern Books already has its maximum of 1 active key');
  await expect(notice.getByRole('button', { name: 'Regenerate “Inventory sync”' })).toBeVisible();
  await page.reload();
  // The partner call above shows as the key's last use.
  await expect(page.getByRole('row', { name: 'Inventory sync' })).toContainText(/seconds? ago|a minute ago/);
  await settle(page);
  await screenshot(page, 'developers-04-limit-reached');
  await expectAccessible(page);

  // On a phone each key is a card: status and actions in view without scrolling sideways.
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const keyCard = page.getByRole('listitem', { name: 'Inventory sync' });
  await expect(keyCard).toContainText('Active');
  await expect(keyCard).toContainText(`sk_...${secret.slice(-6)}`);
  await expect(keyCard.getByRole('button', { name: 'Actions for Inventory sync' })).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The limits card keeps the shop's name readable and its button whole, inside the card.
  const card = page.getByRole('region', { name: 'Active key limits' });
  const shopRow = card.getByRole('group', { name: 'Shop Lantern Books' });
  const cardBox = await card.boundingBox();
  for (const part of [shopRow.getByText('Lantern Books', { exact: true }), shopRow.getByRole('button', { name: 'Change limit for Lantern Books' })]) {
    const box = await part.boundingBox();
    expect(box && cardBox && box.x >= cardBox.x && box.x + box.width <= cardBox.x + cardBox.width).toBe(true);
    expect(await part.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth > 0)).toBe(true);
  }
  await screenshot(page, 'developers-04b-limits-on-a-phone');
  await expectAccessible(page);
  if (desktop) await page.setViewportSize(desktop);

  // Journey 4: revoke, with a confirmation naming the key.
  await page.getByRole('button', { name: 'Actions for Inventory sync' }).click();
  await page.getByRole('menuitem', { name: 'Revoke…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke key' });
  await expect(confirm).toContainText('Inventory sync');
  await expect(confirm).toContainText(`sk_...${secret.slice(-6)}`);
  await settle(page);
  await screenshot(page, 'developers-05-revoke-confirm');
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('row', { name: 'Inventory sync' })).toHaveCount(0);
  // The slot is free again, and the key no longer works (BAC 8).
  await expect(page.getByRole('button', { name: 'New API Key' })).toBeEnabled();
  await expect(page.getByTestId('limit-notice')).toHaveCount(0);
  expect((await partnerCall(baseURL as string, secret)).status).toBe(401);
  await page.getByRole('switch', { name: 'Show revoked' }).check({ force: true });
  await expect(page.getByRole('row', { name: 'Inventory sync' })).toContainText('Revoked');
  await expect(page.getByRole('button', { name: 'Actions for Inventory sync' })).toHaveCount(0);
  await settle(page);
  await screenshot(page, 'developers-06-revoked');
  await expectAccessible(page);
});

test('raising the limit re-enables New API Key; a read-only key cannot write', async ({ page, baseURL }) => {
  await signUp(page, 'Harbor Tea');
  const create = async (name: string, preset?: string) => {
    await page.getByRole('button', { name: 'New API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    if (preset) await dialog.getByText(preset, { exact: true }).click();
    await dialog.getByRole('button', { name: 'Generate key' }).click();
    const success = page.getByRole('dialog', { name: 'Your new API key' });
    const secret = (await success.getByTestId('revealed-secret').innerText()).trim();
    await success.getByRole('button', { name: "I've saved my key" }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    return secret;
  };
  await create('Storefront');
  await expect(page.getByRole('button', { name: 'New API Key' })).toBeDisabled();

  await page.getByTestId('limit-notice').getByRole('button', { name: 'Raise the limit' }).click();
  const limit = page.getByRole('dialog', { name: 'Active key limit' });
  await limit.getByRole('textbox', { name: 'Active keys allowed' }).fill('26');
  await limit.getByRole('button', { name: 'Save limit' }).click();
  await expect(limit.getByText('Enter a whole number from 1 to 25.')).toBeVisible();
  await limit.getByRole('textbox', { name: 'Active keys allowed' }).fill('2');
  await limit.getByRole('button', { name: 'Save limit' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('1 of 2 active keys')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New API Key' })).toBeEnabled();

  const readOnly = await create('Price feed', 'Read only');
  await expect(page.getByRole('row', { name: 'Price feed' })).toContainText('Read only');
  await expect(page.getByRole('button', { name: 'New API Key' })).toBeDisabled();
  const write = await partnerCall(baseURL as string, readOnly, 'mutation { upsertInventoryItem(input: { sku: "A", title: "A", priceCents: 1, quantity: 1 }) { id } }');
  expect(write.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await partnerCall(baseURL as string, readOnly)).status).toBe(200);
  await settle(page);
  await screenshot(page, 'developers-07-two-keys');
  await expectAccessible(page);
});
