import { test, expect, Page, Browser } from '@playwright/test';
import * as fs from 'node:fs';
import { expectNoViolations, hydrated, scripted, signIn } from './support';

// Settings: an admin edits the rules (a cap of 0 is refused, a valid change is saved), issues a
// token that is shown once and revokes it after confirming; a rep gets a 403 page. Every state
// is checked with JavaScript on (hydrated) and off where it matters.
const SHOTS = '/tmp/shots-admin';
fs.mkdirSync(SHOTS, { recursive: true });

function card(page: Page, rule: string) {
  return page.locator(`article[data-rule="${rule}"]`);
}

async function open(page: Page, js: boolean) {
  await page.goto('/settings');
  if (js) await hydrated(page);
}

/// Sets daily_cap's limit and saves; answers once the page shows the outcome.
async function saveLimit(page: Page, js: boolean, value: string) {
  await card(page, 'daily_cap').getByLabel('limit').fill(value);
  const posted = page.waitForResponse((r) => r.url().endsWith('/api/save_rule'));
  await card(page, 'daily_cap').getByRole('button', { name: 'Save daily_cap' }).click();
  await posted;
  await page.waitForLoadState('load');
}

async function capCheck(page: Page, js: boolean) {
  const outcome = page.getByTestId('rules-outcome');
  await saveLimit(page, js, '0');
  await expect(outcome).toContainText('Not saved. daily_cap, limit: must be at least 1');
  if (!js) {
    await expect(page).toHaveURL(/__err=/);
  }
  await page.screenshot({ path: `${SHOTS}/settings-refused-${js ? 'js' : 'nojs'}.png` });
  // Nothing was saved.
  await open(page, js);
  await expect(card(page, 'daily_cap').getByLabel('limit')).toHaveValue('2');

  await saveLimit(page, js, '3');
  if (js) {
    await expect(outcome).toHaveText('Saved daily_cap.');
  } else {
    await expect(page).not.toHaveURL(/__err=/);
  }
  await open(page, js);
  await expect(card(page, 'daily_cap').getByLabel('limit')).toHaveValue('3');
  // Put it back for the other tests.
  await saveLimit(page, js, '2');
  await open(page, js);
  await expect(card(page, 'daily_cap').getByLabel('limit')).toHaveValue('2');
}

test('an admin refuses a cap of 0 and saves a valid change (hydrated)', async ({ page }) => {
  await signIn(page, 'ada@example.com', '/settings');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await capCheck(page, true);
});

test('an admin refuses a cap of 0 and saves a valid change (JavaScript off)', { tag: '@no-js' }, async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'ada@example.com', '/settings');
  await capCheck(page, false);
  await context.close();
});

async function tokenRoundTrip(browser: Browser, js: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'ada@example.com', '/settings');
  if (js) await hydrated(page);
  const label = `dialer ${js ? 'js' : 'nojs'}`;
  await page.getByLabel('Label').fill(label);
  await page.getByLabel('Acts as').selectOption({ label: 'Riley Rep (rep)' });
  await page.getByRole('button', { name: 'Issue a token' }).click();
  const fresh = page.getByTestId('fresh-token');
  await expect(fresh).toContainText(`Token “${label}” issued`);
  await expect(fresh).toContainText('shown only this once');
  const secret = await page.getByLabel('The token (select it and copy)').inputValue();
  expect(secret).toMatch(/^concord_[0-9a-f]{64}$/);
  await page.screenshot({ path: `${SHOTS}/settings-token-${js ? 'js' : 'nojs'}.png`, fullPage: true });

  // The token works against the API, and is not shown again.
  const ok = await page.request.post('/api/v1/teams', {
    headers: { Authorization: `Bearer ${secret}` },
    data: { name: 'x' },
  });
  expect(ok.status()).toBe(403); // a rep may not create teams, but the token is accepted
  await page.goto('/settings');
  await expect(page.getByTestId('fresh-token')).toHaveCount(0);

  // Revoke asks first; cancelling changes nothing.
  const row = page.getByRole('row').filter({ hasText: label });
  await row.getByRole('link', { name: /Revoke/ }).click();
  await expect(page.getByRole('heading', { name: `Revoke the token “${label}”?` })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-revoke-confirm-${js ? 'js' : 'nojs'}.png` });
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: /Revoke the token/ })).toHaveCount(0);
  await row.getByRole('link', { name: /Revoke/ }).click();
  await page.getByRole('button', { name: 'Yes, revoke it' }).click();
  await expect(page.getByRole('row').filter({ hasText: label })).toContainText('Revoked');
  const refused = await page.request.post('/api/v1/teams', {
    headers: { Authorization: `Bearer ${secret}` },
    data: { name: 'x' },
  });
  expect(refused.status()).toBe(401);
  await context.close();
}

test('an admin issues a token, sees it once and revokes it after confirming', { tag: '@both' }, async ({ browser }) => {
  await tokenRoundTrip(browser, scripted());
});

test('a form sent twice in a hurry is posted once, and says what it did in place', async ({ page }) => {
  await signIn(page, 'ada@example.com', '/settings');
  await hydrated(page);
  await page.evaluate(() => ((window as any).__same = true));
  const name = `Field team ${Date.now()}`;
  await page.getByLabel('New team').fill(name);
  const posts: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/create_team')) posts.push(r.method()); });
  await page.getByRole('button', { name: 'Create team' }).dblclick();
  await expect(page.getByTestId('people-outcome')).toHaveText('Team created.');
  await expect(page.locator('#people').getByRole('alert')).toBeEmpty();
  await expect(page.locator('#people li').filter({ hasText: name })).toHaveCount(1);
  expect(posts).toEqual(['POST']);
  expect(await page.evaluate(() => (window as any).__same)).toBe(true);
});

test('a rep gets a 403 page at /settings, and no Settings link', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'riley@example.com');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  const response = await page.goto('/settings');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByText('a rep may not change the contact rules')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Contact rules' })).toHaveCount(0);
});

test('anyone sets their own time zone from the header; an unknown zone is refused', { tag: '@no-js' }, async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'riley@example.com');
  await page.getByTestId('user-name').click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await page.getByLabel('Time zone').fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByTestId('profile-outcome')).toContainText('"Mars/Olympus" is not a time zone Concord knows');
  await page.getByLabel('Time zone').fill('Europe/Berlin');
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await page.goto('/settings/profile');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await context.close();
});

const viewports = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`settings and profile have no axe violations (${viewport.name}, ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await signIn(page, 'ada@example.com', '/settings');
      await hydrated(page);
      await expectNoViolations(page);
      await page.screenshot({ path: `${SHOTS}/settings-${viewport.name}-${colorScheme}.png`, fullPage: true });
      await page.goto('/settings?revoke=1#tokens');
      await expectNoViolations(page);
      await page.goto('/settings/profile');
      await expectNoViolations(page);
      await page.screenshot({ path: `${SHOTS}/profile-${viewport.name}-${colorScheme}.png` });
      await context.close();
    });
  }
}
