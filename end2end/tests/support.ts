import { expect, test, APIRequestContext, Browser, BrowserContextOptions, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

// What every spec needs: signing in as a demo user, waiting for hydration, and axe-core.

/** The demo users' password (`concord serve --demo`). */
export const PASSWORD = 'concord-demo';

/** Whether the running test has JavaScript: true in the `hydrated` project, false in `no-js`
 * (see playwright.config.ts). Contexts a test opens inherit it. */
export function scripted(): boolean {
  return test.info().project.use.javaScriptEnabled !== false;
}

/** Signs `email` in on `page`; with `next`, waits to land there. */
export async function signIn(page: Page, email: string, next?: string) {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (next) await page.waitForURL((url) => url.pathname === next);
  await expect(page.getByTestId('user-name')).toBeVisible();
}

/** A page in a new browser context (its own cookies), signed in as `email`. */
export async function signedIn(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await signIn(page, email);
  return page;
}

/** Waits until the page's script has run: its islands hydrated and its plain forms sent
 * without a reload (Concord marks `<html data-hydrated="true">`). Without JavaScript (the
 * `no-js` project) there is nothing to wait for, and the page must never say it hydrated. */
export async function hydrated(page: Page) {
  if (scripted()) {
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  } else {
    await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
  }
}

/** Runs axe-core on the page as it is, with WCAG 2.2's target size rule (24 px, off in axe by
 * default) on as well; fails with each violation's rule and targets. */
export async function expectNoViolations(page: Page) {
  // axe runs as a script in the page, which the `no-js` project turns off; the hydrated project
  // checks the same pages (their markup is the server's either way).
  if (!scripted()) return;
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
  expect(summary).toEqual([]);
}

/** An API token for the demo user `email`, made with the `concord token create` command. */
export function apiToken(email: string, label: string): string {
  const bin = process.env.CONCORD_BIN ?? path.resolve(__dirname, '../../target/release/concord');
  const db = process.env.CONCORD_E2E_DB!;
  return execFileSync(bin, ['token', 'create', '--email', email, '--label', label, '--db', db])
    .toString()
    .trim();
}

/** Posts `data` to the API with the token; fails the test unless it succeeds. */
export async function apiPost(request: APIRequestContext, auth: string, url: string, data: object) {
  const response = await request.post(url, { data, headers: { Authorization: `Bearer ${auth}` } });
  expect(response.ok(), `${url}: ${await response.text()}`).toBeTruthy();
  return response.json();
}

let seq = 0;
/** A new contact in New York who consents to every channel; its id. */
export async function newContact(request: APIRequestContext, auth: string, name: string, stage = 'customer') {
  seq += 1;
  const body = await apiPost(request, auth, '/api/v1/contacts', {
    name, email: `e2e${seq}-${Date.now()}@example.org`, timezone: 'America/New_York', stage,
    consent: { email: true, sms: true, phone: true, mail: true },
  });
  return body.id as number;
}

/** Plans a service touch for the contact at `at` (RFC 3339); the stored touch. */
export async function newTouch(request: APIRequestContext, auth: string, contactId: number, at: string, title: string, channel = 'email') {
  const body = await apiPost(request, auth, '/api/v1/touches', {
    contact_id: contactId, channel, purpose: 'service', scheduled_at: at, title,
  });
  return body.touch;
}
