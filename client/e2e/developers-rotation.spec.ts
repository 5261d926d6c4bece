import { expect, type Page } from '@playwright/test';
import { expectAccessible, settle, pageAndStorageText, partnerCall, screenshot, signUp, test } from './support';

async function readSecretAndClose(page: Page, title: string) {
  const success = page.getByRole('dialog', { name: title });
  const secret = (await success.getByTestId('revealed-secret').innerText()).trim();
  await success.getByRole('button', { name: "I've saved my key" }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return secret;
}

async function openRegenerate(page: Page, keyName: string) {
  await page.getByRole('button', { name: `Actions for ${keyName}` }).click();
  await page.getByRole('menuitem', { name: 'Regenerate…' }).click();
  return page.getByRole('dialog', { name: 'Regenerate key' });
}

/** Journey 3 (BAC 7): regenerate immediately, then with a grace period and "End rotation now". */
test('regenerate immediately and with a grace period', async ({ page, baseURL }) => {
  const url = baseURL as string;
  await signUp(page, 'Tidewater Supply');
  await page.getByRole('button', { name: 'New API Key' }).click();
  const create = page.getByRole('dialog', { name: 'New API key' });
  await create.getByRole('textbox', { name: 'Name' }).fill('ERP connector');
  await create.getByRole('button', { name: 'Generate key' }).click();
  const first = await readSecretAndClose(page, 'Your new API key');
  expect((await partnerCall(url, first)).status).toBe(200);

  // Default: the old key stops working immediately.
  let dialog = await openRegenerate(page, 'ERP connector');
  await expect(dialog.getByText('The old key will stop working immediately.')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Immediately/ })).toBeChecked();
  await settle(page);
  await screenshot(page, 'developers-20-regenerate-confirm');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Regenerate key' }).click();
  const second = await readSecretAndClose(page, 'Your regenerated API key');
  expect(second).not.toBe(first);
  expect((await partnerCall(url, first)).status).toBe(401);
  expect((await partnerCall(url, second)).status).toBe(200);
  await expect(page.getByRole('row', { name: 'ERP connector' })).toContainText(`sk_...${second.slice(-6)}`);

  // With a grace period: both work until the rotation ends.
  dialog = await openRegenerate(page, 'ERP connector');
  await dialog.getByRole('radio', { name: 'After 24 hours' }).check();
  await expect(dialog.getByText(/keeps working until/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Regenerate key' }).click();
  const third = await readSecretAndClose(page, 'Your regenerated API key');
  expect((await partnerCall(url, second)).status).toBe(200);
  expect((await partnerCall(url, third)).status).toBe(200);
  expect(await pageAndStorageText(page)).not.toContain(third);
  expect(await pageAndStorageText(page)).not.toContain(second);

  // The row shows the previous key, until when it works and when it was last used.
  await page.reload();
  const rotation = page.getByTestId('rotation-row');
  await expect(rotation).toContainText(`sk_...${second.slice(-6)}`);
  await expect(rotation).toContainText('keeps working until');
  await expect(rotation).toContainText(/Last used .*ago/);
  await expect(page.getByRole('row', { name: 'ERP connector' })).toContainText('Rotating');
  await settle(page);
  await screenshot(page, 'developers-21-rotation');
  await expectAccessible(page);

  await rotation.getByRole('button', { name: 'End rotation now' }).click();
  const end = page.getByRole('dialog', { name: 'End rotation now' });
  await expect(end).toContainText(`sk_...${second.slice(-6)}`);
  await end.getByRole('button', { name: 'End rotation now' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('rotation-row')).toHaveCount(0);
  expect((await partnerCall(url, second)).status).toBe(401);
  expect((await partnerCall(url, third)).status).toBe(200);
  await settle(page);
  await screenshot(page, 'developers-22-rotation-ended');
});
