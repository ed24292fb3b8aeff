import { test, expect, Browser } from '@playwright/test';
import * as fs from 'node:fs';
import { expectNoViolations, hydrated, scripted, signIn } from './support';

// The rule packs page: an admin reads each pack's rules with their sources, switches France on,
// and switching it off asks first. With JavaScript on and off; a rep is refused. The contact
// page says where a contact's jurisdiction came from.
const SHOTS = '/tmp/shots-admin';
fs.mkdirSync(SHOTS, { recursive: true });

async function roundTrip(browser: Browser, js: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'ada@example.com', '/settings/packs');
  if (js) await hydrated(page);
  const france = page.locator('[data-pack="fr"]');
  await expect(france.getByTestId('pack-state')).toHaveText('Off');
  await expect(france.locator('[data-pack-rule="fr-hours"]')).toContainText('Mon–Fri 10:00–13:00 and 14:00–20:00');
  await expect(france.locator('[data-pack-rule="fr-hours"]')).toContainText('Code de la consommation, art. D.223-9');
  await expect(page.locator('[data-pack-rule="us-il-hours"]')).toContainText('unverified');

  await france.getByRole('button', { name: /Switch on/ }).click();
  await expect(page.getByTestId('packs-outcome')).toContainText('France is on');
  if (js) await page.goto('/settings/packs');
  await expect(page.locator('[data-pack="fr"]').getByTestId('pack-state')).toHaveText('On');
  await page.screenshot({ path: `${SHOTS}/packs-${js ? 'js' : 'nojs'}.png`, fullPage: true });

  // Switching off asks first; keeping it on changes nothing.
  await page.locator('[data-pack="fr"]').getByRole('link', { name: /Switch off/ }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Switch off France?');
  await page.getByRole('link', { name: 'Keep it on' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('[data-pack="fr"]').getByTestId('pack-state')).toHaveText('On');
  await page.locator('[data-pack="fr"]').getByRole('link', { name: /Switch off/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Switch off' }).click();
  await expect(page.getByTestId('packs-outcome')).toContainText('France is off');
  if (js) await page.goto('/settings/packs');
  await expect(page.locator('[data-pack="fr"]').getByTestId('pack-state')).toHaveText('Off');
  await context.close();
}

test('an admin switches a rule pack on, and off after confirming', { tag: '@both' }, async ({ browser }) => {
  await roundTrip(browser, scripted());
});

test('a rep is refused the rule packs page', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'riley@example.com');
  const response = await page.goto('/settings/packs');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Rule packs' })).toHaveCount(0);
});

test('a contact page says where its jurisdiction came from', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'riley@example.com', '/contacts/1');
  await expect(page.getByTestId('jurisdiction')).toContainText('Jurisdiction: ');
  fs.mkdirSync('/tmp/shots-rep', { recursive: true });
  await page.screenshot({ path: '/tmp/shots-rep/contact-jurisdiction.png', fullPage: true });
});

for (const viewport of [{ name: 'laptop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`the rule packs page has no axe violations (${viewport.name})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, 'ada@example.com', '/settings/packs');
    await hydrated(page);
    await expectNoViolations(page);
    await page.screenshot({ path: `${SHOTS}/packs-${viewport.name}.png`, fullPage: true });
    await context.close();
  });
}
