import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test as base } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const SCREENSHOT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Saved for people to look at (git-ignored). */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Every journey runs under the dashboard's Content-Security-Policy (server/src/http/spa.ts) and
 * fails if the browser blocked anything: a script, style, image or request the policy forgot
 * would otherwise break a screen for users while the server's own tests stay green.
 */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ page }, use) => {
      const blocked: string[] = [];
      await page.exposeFunction('__reportCspViolation', (v: string) => blocked.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          void (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`);
        });
      });
      page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && blocked.push(m.text()));
      await use();
      expect(blocked, 'blocked by the Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
});

let n = 0;
export function newEmail(prefix = 'e2e') {
  n += 1;
  return `${prefix}-${Date.now().toString(36)}-${n}@example.com`;
}

export async function signUp(page: Page, shopName = 'Lantern Books') {
  const email = newEmail();
  const password = 'correct horse battery';
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByLabel('Shop name').fill(shopName);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  return { email, password, shopName };
}

/** No serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((nd) => nd.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A 1x1 PNG, for logo uploads. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A partner call with an API key and no session cookie: the HTTP status and the parsed body. */
export async function partnerCall(baseURL: string, secret: string, query = '{ shop { name } }') {
  const res = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, any> | null; errors?: Array<{ extensions?: { code?: string } }> } };
}

/** Everything in the page's DOM and web storage, to check a secret is gone. */
export async function pageAndStorageText(page: Page): Promise<string> {
  const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  return (await page.content()) + storage;
}

/** Lets Mantine's modal and menu transitions finish, so screenshots and axe see the settled page. */
export async function settle(page: Page) {
  await page.waitForTimeout(300);
}
