import { test, expect, Browser } from '@playwright/test';
import * as fs from 'node:fs';
import { apiToken, expectNoViolations, hydrated, newContact, newTouch, signIn, signedIn } from './support';

// A touch's own page: moving it into the past is refused with a plain reason; its author
// cancels it behind a confirmation step (with JavaScript on and off), after which nothing is
// left to move or cancel; a rep who is not its author is told who may change it.

const shots = '/tmp/shots-touch';
fs.mkdirSync(shots, { recursive: true });

/** A date `days` from today, as a date input takes it. */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let touches: Record<string, number> = {};

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const auth = apiToken('mia@example.com', 'touch page e2e');
  for (const title of ['Past mover', 'Cancel with script', 'Cancel without script', 'Not yours']) {
    const contact = await newContact(request, auth, `${title} contact`);
    const touch = await newTouch(request, auth, contact, `${dayAhead(40)}T15:00:00Z`, title);
    touches[title] = touch.id;
  }
  await request.dispose();
});

test('moving a touch into the past is refused and explained', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto(`/calendar/touches/${touches['Past mover']}`);
  await hydrated(page);
  await page.getByLabel('Day').fill(dayAhead(-3));
  await page.getByRole('button', { name: 'Move touch' }).click();
  await expect(page.getByRole('alert')).toContainText('that time has already passed; choose a time from now on');
  await page.reload();
  await expect(page.getByLabel('Day')).toHaveValue(dayAhead(40));
});

async function cancelFlow(page: import('@playwright/test').Page, title: string, shot: string) {
  await page.goto(`/calendar/touches/${touches[title]}`);
  await page.getByRole('link', { name: 'Cancel this touch…' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Cancel “${title}”?`);
  await page.screenshot({ path: `${shots}/${shot}-confirm.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Cancel touch' }).click();
  await expect(page.getByText('A cancelled touch cannot be changed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move touch' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Cancel this touch…' })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/${shot}-done.png`, fullPage: true });
}

test('its author cancels a touch after confirming, with JavaScript', async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto(`/calendar/touches/${touches['Cancel with script']}`);
  await hydrated(page);
  await page.getByRole('link', { name: 'Cancel this touch…' }).click();
  await page.getByRole('alertdialog').getByRole('link', { name: 'Keep it' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Move touch' })).toBeVisible();
  await cancelFlow(page, 'Cancel with script', 'js');
});

test('its author cancels a touch after confirming, without JavaScript', { tag: '@no-js' }, async ({ browser }) => {
  const page = await signedIn(browser, 'mia@example.com');
  await cancelFlow(page, 'Cancel without script', 'nojs');
  await page.context().close();
});

test('a rep who is not the author is told who may change the touch', { tag: '@both' }, async ({ browser }) => {
  for (const [name, viewport] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    const page = await signedIn(browser, 'riley@example.com', { viewport });
    await page.goto(`/calendar/touches/${touches['Not yours']}`);
    await expect(page.getByText('Only its author or a manager can move or cancel this touch.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Move touch' })).toHaveCount(0);
    await page.screenshot({ path: `${shots}/rep-${name}.png`, fullPage: true });
    await expectNoViolations(page);
    await page.context().close();
  }
});

test('the touch page passes axe with its confirmation open', async ({ browser }: { browser: Browser }) => {
  const page = await signedIn(browser, 'mia@example.com', { viewport: { width: 390, height: 844 } });
  await page.goto(`/calendar/touches/${touches['Past mover']}?cancel=1`);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.screenshot({ path: `${shots}/marketer-phone-confirm.png`, fullPage: true });
  await expectNoViolations(page);
  await page.context().close();
});
