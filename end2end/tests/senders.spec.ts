import { test, expect, Browser } from '@playwright/test';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import { expectNoViolations, hydrated, scripted, signIn } from './support';

// The senders page: an admin connects a provider and gets the URL and steps to give it; an
// event that verifies but names nobody waits among the dead letters, and replaying it says why
// it still waits; switching a source off asks first and then its URL answers 404. With
// JavaScript on and off; a rep is refused.
const SHOTS = '/tmp/shots-admin';
fs.mkdirSync(SHOTS, { recursive: true });

/** Twilio's signature: base64 HMAC-SHA1 of the URL and the sorted parameters. */
function twilioSignature(token: string, url: string, params: Record<string, string>): string {
  const data = url + Object.keys(params).sort().map((k) => k + params[k]).join('');
  return createHmac('sha1', token).update(data).digest('base64');
}

async function roundTrip(browser: Browser, js: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'ada@example.com', '/settings/senders');
  if (js) await hydrated(page);
  const label = `Store texts ${js ? 'js' : 'nojs'}`;
  const token = `twilio-token-${js ? 'js' : 'nojs'}-${Date.now()}`;
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Twilio SMS' });
  await page.getByLabel('Label', { exact: true }).fill(label);
  await page.getByLabel('Verification secret').fill(token);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('senders-outcome')).toContainText('connected');
  if (js) await page.goto('/settings/senders');
  const card = page.getByTestId('source-card').filter({ hasText: label });
  const url = await card.getByLabel('URL to give the provider').inputValue();
  expect(url).toMatch(/^http:\/\/[^/]+\/hooks\/\d+$/);
  await expect(card).toContainText('"A message comes in" webhook to ' + url);
  await expect(page.locator('body')).not.toContainText(token);

  // A text from a number no contact has: verified, kept, not dropped.
  const from = `+1555${String(Date.now()).slice(-7)}`;
  const params = { MessageSid: `SM${Date.now()}${js ? 1 : 0}`, From: from, To: '+16175550000', Body: 'Is the sale on?', AccountSid: 'AC1' };
  const answer = await page.request.post(url, {
    form: params,
    headers: { 'X-Twilio-Signature': twilioSignature(token, url, params) },
  });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toEqual({ recorded: 0, duplicates: 0, dead_lettered: 1 });
  await page.goto('/settings/senders');
  if (js) await hydrated(page);
  const letter = page.getByTestId('dead-letter-row').filter({ hasText: from });
  await expect(letter).toContainText('sms replied');
  await expect(letter).toContainText('no contact has');
  await page.screenshot({ path: `${SHOTS}/senders-${js ? 'js' : 'nojs'}.png`, fullPage: true });
  await letter.getByRole('button', { name: /Replay/ }).click();
  await expect(page.getByTestId('senders-error')).toContainText('still not mapped');

  // Switching off asks first; cancelling changes nothing; then the URL answers 404.
  await card.getByRole('link', { name: /Switch off/ }).click();
  await expect(page.getByRole('heading', { name: `Switch off “${label}”?` })).toBeVisible();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: /Switch off/ })).toHaveCount(0);
  await card.getByRole('link', { name: /Switch off/ }).click();
  await page.getByRole('button', { name: 'Yes, switch it off' }).click();
  await expect(page.getByTestId('senders-outcome')).toContainText('switched off');
  if (js) await page.goto('/settings/senders');
  await expect(page.getByTestId('source-card').filter({ hasText: label })).toContainText('Switched off');
  const gone = await page.request.post(url, { form: params, headers: { 'X-Twilio-Signature': twilioSignature(token, url, params) } });
  expect(gone.status()).toBe(404);
  await context.close();
}

test('an admin connects a provider, sees a dead letter and switches the source off after confirming', { tag: '@both' }, async ({ browser }) => {
  await roundTrip(browser, scripted());
});

test('a secret in the wrong shape is refused with the reason and connects nothing', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'ada@example.com', '/settings/senders');
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Postmark' });
  await page.getByLabel('Label', { exact: true }).fill('Service mail');
  await page.getByLabel('Verification secret').fill('   ');
  await page.getByLabel('Verification secret').evaluate((el: HTMLInputElement) => el.removeAttribute('required'));
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('senders-error')).toContainText('is required');
  await expect(page.getByTestId('source-card').filter({ hasText: 'Service mail' })).toHaveCount(0);
});

test('a rep is refused the senders page', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'riley@example.com');
  const response = await page.goto('/settings/senders');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('a rep may not connect senders')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Senders' })).toHaveCount(0);
});

for (const viewport of [{ name: 'laptop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`the senders page has no axe violations (${viewport.name})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, 'ada@example.com', '/settings/senders');
    await hydrated(page);
    await expectNoViolations(page);
    await page.screenshot({ path: `${SHOTS}/senders-${viewport.name}.png`, fullPage: true });
    await context.close();
  });
}
