import { test, expect, Browser, Page } from '@playwright/test';
import * as fs from 'node:fs';
import { expectNoViolations, hydrated, scripted, signIn } from './support';

// The law and the company's closed days as planners meet them: with the US pack on, a rep's
// plan form names the law before anything is saved; an admin closes a day (with JavaScript on
// and off), the team calendar shows it beside the public holidays, and opening it again asks
// first.
const ADMIN_SHOTS = '/tmp/shots-admin';
const REP_SHOTS = '/tmp/shots-rep';
fs.mkdirSync(ADMIN_SHOTS, { recursive: true });
fs.mkdirSync(REP_SHOTS, { recursive: true });
fs.mkdirSync('/tmp/shots-manager', { recursive: true });

function dayAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function switchUs(browser: Browser, on: boolean) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'ada@example.com', '/settings/packs');
  const us = page.locator('[data-pack="us"]');
  if (on) {
    await us.getByRole('button', { name: /Switch on/ }).click();
  } else {
    await us.getByRole('link', { name: /Switch off/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Switch off' }).click();
  }
  await expect(page.getByTestId('packs-outcome')).toContainText(on ? 'is on' : 'is off');
  await context.close();
}

test('a planner sees the legal conflict of a call before saving it', async ({ browser }) => {
  await switchUs(browser, true);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'riley@example.com', '/contacts/1');
    await hydrated(page);
    await page.getByLabel('Channel', { exact: true }).selectOption('phone');
    await page.getByLabel('Purpose').selectOption('sales_followup');
    // 03:00 in New York is before 08:00 in every US zone.
    await page.getByLabel(/When \(your time/).fill(`${dayAhead(80)}T03:00`);
    await page.getByLabel('Title').fill('Early call');
    await expect(page.getByTestId('check-decision')).toHaveAttribute('data-decision', 'block');
    const legal = page.getByTestId('check-report').locator('li[data-rule="legal_hours"]');
    await expect(legal).toContainText('sales calls');
    await expect(page.locator('#touch-list li', { hasText: 'Early call' })).toHaveCount(0);
    await page.getByTestId('check-report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${REP_SHOTS}/plan-legal-conflict.png`, fullPage: true });
    await context.close();
  } finally {
    await switchUs(browser, false);
  }
});

test('an admin closes a day and opens it again', { tag: '@both' }, async ({ browser }) => {
  const js = scripted();
  const date = dayAhead(js ? 40 : 41);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'ada@example.com', '/settings/blackouts');
  if (js) await hydrated(page);
  await page.getByLabel('Day', { exact: true }).fill(date);
  await page.getByLabel('Name', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Close this day' }).click();
  // An unnamed day is refused by the browser's own check; a name is required.
  await expect(page.getByTestId('blackouts-outcome')).toHaveCount(0);
  await page.getByLabel('Name', { exact: true }).fill(`Crisis freeze ${js ? 'A' : 'B'}`);
  await page.getByLabel('Channel', { exact: true }).selectOption('phone');
  await page.getByRole('button', { name: 'Close this day' }).click();
  await expect(page.getByTestId('blackouts-outcome')).toContainText('is a blackout date');
  if (js) await page.goto('/settings/blackouts');
  const row = page.locator(`[data-blackout="${date}"]`);
  await expect(row).toContainText(`Crisis freeze ${js ? 'A' : 'B'}`);
  await expect(row).toContainText('Call · Every team');
  await page.screenshot({ path: `${ADMIN_SHOTS}/blackouts-${js ? 'js' : 'nojs'}.png`, fullPage: true });

  await page.goto(`/calendar?view=month&date=${date}`);
  const cell = page.locator(`[role=gridcell][data-date="${date}"]`);
  await expect(cell.locator('[data-mark="blackout"]')).toContainText(`Blackout: Crisis freeze ${js ? 'A' : 'B'} (call)`);
  await page.screenshot({ path: `${ADMIN_SHOTS}/calendar-blackout-${js ? 'js' : 'nojs'}.png`, fullPage: true });

  await page.goto('/settings/blackouts');
  await page.locator(`[data-blackout="${date}"]`).getByRole('link', { name: /Remove/ }).click();
  await expect(page.getByRole('alertdialog')).toContainText('again?');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('blackouts-outcome')).toContainText('is open again');
  if (js) await page.goto('/settings/blackouts');
  await expect(page.locator(`[data-blackout="${date}"]`)).toHaveCount(0);
  await context.close();
});

test('the team calendar shows the public holidays of the packs that are on', { tag: '@both' }, async ({ browser }) => {
  await switchUs(browser, true);
  try {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    const year = new Date().getUTCFullYear() + 1;
    await signIn(page, 'max@example.com');
    await page.goto(`/calendar?view=month&date=${year}-07-01`);
    const mark = page.locator(`[role=gridcell][data-date="${year}-07-04"] [data-mark="holiday"]`).first();
    await expect(mark).toContainText('US: Independence Day', { timeout: 5_000 });
    await page.screenshot({ path: '/tmp/shots-manager/calendar-holiday.png' });
    await context.close();
  } finally {
    await switchUs(browser, false);
  }
});

test('a rep is refused the blackout dates page', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'riley@example.com');
  const response = await page.goto('/settings/blackouts');
  expect(response?.status()).toBe(403);
});

for (const viewport of [{ name: 'laptop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`the blackout dates page has no axe violations (${viewport.name})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, 'ada@example.com', '/settings/blackouts');
    await hydrated(page);
    await expectNoViolations(page);
    await page.screenshot({ path: `${ADMIN_SHOTS}/blackouts-${viewport.name}.png`, fullPage: true });
    await context.close();
  });
}

test('an admin imports a suppression list, sees its warning when stale, and removes it', { tag: '@no-js' }, async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'ada@example.com', '/settings/suppression');
  await expect(page.getByTestId('suppression-empty')).toBeVisible();
  // 45 days before the admin's today: the page counts days in her zone (the demo's, Boston).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  const old = new Date(Date.parse(`${today}T00:00:00Z`) - 45 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel(/^File/).setInputFiles({
    name: 'dnc.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('phone\n2135558281\n617-555-0101\nnot a number\n'),
  });
  await page.getByLabel('Name', { exact: true }).fill('US DNC extract');
  await page.getByLabel('Date of the extract').fill(old);
  await page.getByRole('button', { name: 'Import list' }).click();
  await expect(page.getByTestId('suppression-outcome')).toContainText('Imported 2 numbers or addresses');
  await expect(page.getByTestId('suppression-outcome')).toContainText('line 4');
  await expect(page.getByTestId('suppression-stale')).toContainText('US DNC extract');
  await expect(page.getByTestId('list-warning')).toContainText('45 days old');
  await page.screenshot({ path: `${ADMIN_SHOTS}/suppression-nojs.png`, fullPage: true });

  await page.getByRole('link', { name: /Remove/ }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Remove US DNC extract?');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('suppression-outcome')).toContainText('is removed');
  await expect(page.getByTestId('suppression-empty')).toBeVisible();
  await context.close();
});

test('an admin edits a pack rule and sees the law beside it and a warning when weaker', { tag: '@no-js' }, async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'ada@example.com', '/settings/packs');
  await page.goto('/settings/packs?edit=us-fl-cap#pack-us');
  const form = page.getByTestId('pack-rule-edit');
  await expect(form).toContainText('The law: At most 3 sales calls per 24 h');
  await form.getByLabel('Limit').fill('5');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('packs-outcome')).toContainText('Warning: ');
  await expect(page.getByTestId('packs-outcome')).toContainText('weaker than the law');
  // A warning, not a success: amber, not green.
  await expect(page.getByTestId('packs-outcome')).toHaveAttribute('data-weaker', 'true');
  const row = page.locator('[data-pack-rule="us-fl-cap"]');
  await expect(row.getByTestId('pack-rule-warning')).toContainText('Weaker than the law');
  await expect(row.getByTestId('law-allows')).toContainText('At most 3');
  await page.screenshot({ path: `${ADMIN_SHOTS}/packs-edit-weaker.png`, fullPage: true });
  await page.goto('/settings/packs?edit=us-fl-cap#pack-us');
  await page.getByTestId('pack-rule-edit').getByRole('button', { name: 'Back to the law' }).click();
  await expect(page.getByTestId('packs-outcome')).toContainText('back to the law');
  await expect(page.getByTestId('packs-outcome')).toHaveAttribute('data-weaker', 'false');
  await expect(page.locator('[data-pack-rule="us-fl-cap"]').getByTestId('pack-rule-warning')).toHaveCount(0);
  await context.close();
});

for (const viewport of [{ name: 'laptop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`the suppression lists page has no axe violations (${viewport.name})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, 'ada@example.com', '/settings/suppression');
    await hydrated(page);
    await expectNoViolations(page);
    await page.screenshot({ path: `${ADMIN_SHOTS}/suppression-${viewport.name}.png`, fullPage: true });
    await context.close();
  });
}
