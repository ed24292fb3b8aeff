import { expect, Browser, BrowserContextOptions, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// What every spec needs: signing in as a demo user, waiting for hydration, and axe-core.

/** The demo users' password (`concord serve --demo`). */
export const PASSWORD = 'concord-demo';

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
 * without a reload (Concord marks `<html data-hydrated="true">`). */
export async function hydrated(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/** Runs axe-core on the page as it is; fails with each violation's rule and targets. */
export async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
  expect(summary).toEqual([]);
}
