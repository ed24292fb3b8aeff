import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import { apiPost, apiToken, expectNoViolations, hydrated, newContact, scripted, signIn, signedIn } from './support';

// Campaigns as things: the list names each campaign with who planned it, when it goes out and
// its per-status counts; a campaign's page lists its recipients by name; its author moves the
// whole campaign to another day and cancels it behind a confirmation (with JavaScript on and
// off); a rep has no campaigns.

const shots = '/tmp/shots-campaigns';
fs.mkdirSync(shots, { recursive: true });

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const stamp = Date.now();
const titles = {
  js: `Winter launch ${stamp}`, nojs: `Spring teaser ${stamp}`,
  moveJs: `Summer fair ${stamp}`, moveNojs: `Autumn fair ${stamp}`,
};

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const auth = apiToken('mia@example.com', 'campaigns e2e');
  const ids = [];
  for (const name of ['Avery Campaign', 'Blake Campaign', 'Casey Campaign']) {
    ids.push(await newContact(request, auth, name));
  }
  for (const [offset, title] of [[50, titles.js], [51, titles.nojs], [52, titles.moveJs], [53, titles.moveNojs]] as const) {
    await apiPost(request, auth, '/api/v1/campaigns', {
      audience: { contact_ids: ids }, channel: 'email', purpose: 'newsletter',
      scheduled_at: `${inDays(offset)}T15:00:00Z`, title, on_conflict: 'review',
    });
  }
  await request.dispose();
});

test('the campaigns list and a campaign page show who, when and how many, by name', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  const row = page.locator('[data-campaign]').filter({ hasText: titles.js });
  await expect(row).toContainText('planned by Mia Marketer');
  await expect(row.getByTestId('campaign-counts')).toContainText('3 recipients: 3 planned');
  await page.screenshot({ path: `${shots}/list-laptop.png`, fullPage: true });
  await row.getByRole('link', { name: titles.js }).click();
  await expect(page.getByRole('heading', { name: titles.js })).toBeVisible();
  await expect(page.getByTestId('campaign-counts')).toHaveText('3 recipients: 3 planned');
  for (const name of ['Avery Campaign', 'Blake Campaign', 'Casey Campaign']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await page.screenshot({ path: `${shots}/page-laptop.png`, fullPage: true });
});

test('its author cancels a whole campaign after confirming, with JavaScript', async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto('/campaigns');
  await page.getByRole('link', { name: titles.js }).click();
  await hydrated(page);
  await page.getByRole('link', { name: 'Cancel the campaign…' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Cancel “${titles.js}”? Its 3 touches that have not gone out will not go out`);
  await page.screenshot({ path: `${shots}/cancel-confirm.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Cancel the campaign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled: 3 touches will not go out.' })).toBeVisible();
  await expect(page.getByTestId('campaign-counts')).toHaveText('3 recipients: 3 cancelled');
  await expect(page.getByRole('link', { name: 'Cancel the campaign…' })).toHaveCount(0);
});

test('its author cancels a whole campaign after confirming, without JavaScript', { tag: '@no-js' }, async ({ browser }) => {
  const page = await signedIn(browser, 'mia@example.com');
  await page.goto('/campaigns');
  await page.getByRole('link', { name: titles.nojs }).click();
  await page.getByRole('link', { name: 'Cancel the campaign…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel the campaign' }).click();
  await expect(page.getByTestId('campaign-counts')).toHaveText('3 recipients: 3 cancelled');
  await page.context().close();
});

test('its author moves a whole campaign to another day', { tag: '@both' }, async ({ browser }) => {
    const javaScriptEnabled = scripted();
    const title = javaScriptEnabled ? titles.moveJs : titles.moveNojs;
    // Each to a day of its own: the same recipients twice at one time would wait for review.
    const to = inDays(javaScriptEnabled ? 60 : 62);
    const page = await signedIn(browser, 'mia@example.com');
    await page.goto('/campaigns');
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    if (javaScriptEnabled) await hydrated(page);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Move the campaign' }) });
    await form.getByLabel('Day').fill(inDays(-3));
    await form.getByRole('button', { name: 'Move the campaign' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'already passed' })).toBeVisible();
    await expect(page.getByTestId('campaign-counts')).toHaveText('3 recipients: 3 planned');

    await form.getByLabel('Day').fill(to);
    await form.getByLabel('Time').fill('10:30');
    await form.getByRole('button', { name: 'Move the campaign' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Moved 3 touches: 3 planned.' })).toBeVisible();
    if (javaScriptEnabled) await page.screenshot({ path: `${shots}/moved.png`, fullPage: true });
    await page.goto(page.url());
    await expect(form.getByLabel('Day')).toHaveValue(to);
    await expect(form.getByLabel('Time')).toHaveValue('10:30');
    await expect(page.getByTestId('campaign-counts')).toHaveText('3 recipients: 3 planned');
    await page.context().close();
});

test('campaign pages pass axe on a laptop and a phone, and a rep has none', async ({ browser }) => {
  for (const [name, viewport] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    const page = await signedIn(browser, 'mia@example.com', { viewport });
    await page.goto('/campaigns');
    await expectNoViolations(page);
    await page.screenshot({ path: `${shots}/list-${name}.png`, fullPage: true });
    await page.getByRole('link', { name: titles.moveJs }).click();
    await expect(page.getByRole('heading', { name: titles.moveJs })).toBeVisible();
    await expectNoViolations(page);
    await page.screenshot({ path: `${shots}/page-${name}.png`, fullPage: true });
    await page.context().close();
  }
  const rep = await signedIn(browser, 'riley@example.com');
  await expect(rep.getByRole('link', { name: 'Campaigns', exact: true })).toHaveCount(0);
  await rep.goto('/campaigns');
  await expect(rep.getByRole('alert')).toBeVisible();
  await rep.screenshot({ path: `${shots}/rep-refused.png`, fullPage: true });
  await rep.context().close();
});
