import { expect } from '@playwright/test';
import { expectAccessible, settle, pageAndStorageText, partnerCall, screenshot, signUp, TINY_PNG_BASE64, test } from './support';

/** Journey 2 (BAC 3): a New Shop key needs shop name, logo and URL; the logo is checked before sending. */
test('create a New Shop key with a logo upload', async ({ page, baseURL }) => {
  await signUp(page, 'Corner Deli');
  await page.getByRole('button', { name: 'New API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API key' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Pop-up storefront');
  await dialog.getByRole('radio', { name: /New Shop/ }).click();

  // Every New Shop field is required, and says so beside itself.
  await dialog.getByRole('button', { name: 'Generate key' }).click();
  await expect(dialog.getByText('Shop name is required.')).toBeVisible();
  await expect(dialog.getByText('Shop URL is required.')).toBeVisible();
  await expect(dialog.getByText('A logo is required.')).toBeVisible();

  await dialog.getByRole('textbox', { name: 'Shop name' }).fill('Corner Deli Pop-up');
  await dialog.getByRole('textbox', { name: 'Shop URL' }).fill('not a url');
  const logoInput = dialog.getByLabel('Logo file');
  // A wrong type is refused in the browser, before anything is sent.
  await logoInput.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(dialog.getByText('Choose a PNG, JPEG or WebP image.')).toBeVisible();
  // So is a file over 512 KB.
  await logoInput.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(513 * 1024, 1) });
  await expect(dialog.getByText(/at most 512 KB/)).toBeVisible();
  await logoInput.setInputFiles({ name: 'deli.png', mimeType: 'image/png', buffer: Buffer.from(TINY_PNG_BASE64, 'base64') });
  await expect(dialog.getByRole('img', { name: 'Logo preview' })).toBeVisible();
  await expect(dialog.getByText('deli.png')).toBeVisible();
  await dialog.getByRole('button', { name: 'Generate key' }).click();
  await expect(dialog.getByText('Enter an http(s) URL such as https://shop.example.com.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Shop URL' }).fill('https://popup.corner-deli.example');
  await settle(page);
  await screenshot(page, 'developers-10-create-new-shop');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Generate key' }).click();

  const success = page.getByRole('dialog', { name: 'Your new API key' });
  const secret = (await success.getByTestId('revealed-secret').innerText()).trim();
  // The key belongs to the new shop.
  const call = await partnerCall(baseURL as string, secret, '{ shop { name url logoUrl isHeadless } }');
  expect(call.status).toBe(200);
  expect(call.body.data?.shop).toMatchObject({ name: 'Corner Deli Pop-up', url: 'https://popup.corner-deli.example/', isHeadless: true });
  await success.getByRole('button', { name: "I've saved my key" }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const row = page.getByRole('row', { name: 'Pop-up storefront' });
  await expect(row).toContainText('New Shop');
  await expect(row).toContainText('Corner Deli Pop-up');
  // The uploaded logo is served back and shown beside the shop.
  const logo = await page.request.get(call.body.data?.shop.logoUrl as string);
  expect(logo.headers()['content-type']).toBe('image/png');
  expect(await pageAndStorageText(page)).not.toContain(secret);
  // A NEW_SHOP key brings its own shop, so the merchant's own shop still has a free slot.
  await expect(page.getByRole('button', { name: 'New API Key' })).toBeEnabled();
  await page.getByRole('button', { name: 'New API Key' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Shop' })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Shop' }).click();
  await expect(page.getByRole('option', { name: /Corner Deli Pop-up \(limit reached/ })).toHaveAttribute('aria-disabled', 'true');
  await settle(page);
  await screenshot(page, 'developers-11-shop-picker');
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await settle(page);
  await screenshot(page, 'developers-12-new-shop-key');
  await expectAccessible(page);
});
