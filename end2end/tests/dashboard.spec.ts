import { test, expect, Page } from '@playwright/test';
import * as fs from 'node:fs';
import { expectNoViolations, signIn } from './support';

// The pressure dashboard: server-drawn SVG charts, readable with JavaScript off, filtered by a
// plain GET form; managers only.
const SHOTS = '/tmp/shots-admin';
fs.mkdirSync(SHOTS, { recursive: true });

const CHARTS = [
  'Touches per contact per week',
  'Time to answer inbound replies',
  'Conflicts by rule',
  'Conflicts by team',
  'Ghosted and breadcrumbed contacts per week',
];

test('the dashboard draws its charts with JavaScript off, and filters by team and dates', { tag: '@no-js' }, async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'max@example.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const title of CHARTS) {
    const chart = page.getByRole('img', { name: new RegExp(`^${title} \\(`) });
    await expect(chart).toBeVisible();
    expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  }
  // The demo data has touches and replies: columns are drawn, not an empty frame. (Its touches
  // carry no stored conflicts, so the conflict charts say so.)
  expect(await page.locator('[data-chart="per-week"] svg rect').count()).toBeGreaterThan(1);
  expect(await page.locator('[data-chart="replies"] svg rect').count()).toBe(6);
  expect(await page.locator('[data-chart="trends"] svg polyline').count()).toBe(2);
  await expect(page.locator('[data-chart="by-rule"]')).toContainText(/Nothing in this range|\d+ conflicts/);
  await page.screenshot({ path: `${SHOTS}/dashboard-nojs.png`, fullPage: true });
  // The people behind the trend chart, by name, each a link to their timeline.
  const ghosted = page.getByTestId('ghosted-contacts');
  await expect(ghosted.getByRole('heading', { name: 'Ghosted: waiting for an answer' })).toBeVisible();
  await expect(page.getByTestId('breadcrumbed-contacts').getByRole('heading')).toHaveText('Breadcrumbed: touched again after a silence');
  await ghosted.locator('..').screenshot({ path: `${SHOTS}/dashboard-named-nojs.png` });
  const named = ghosted.getByRole('link');
  if ((await named.count()) > 0) {
    await expect(named.first()).toHaveAttribute('href', /^\/contacts\/\d+$/);
    await expect(ghosted.locator('li').first()).toContainText(/wrote \w{3} \d+ \w{3} \d\d:\d\d/);
  } else {
    await expect(ghosted).toContainText('Nobody in this range wrote');
  }

  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Inside sales' });
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-01-14');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/from=2026-01-01&to=2026-01-14&team=\d+/);
  await expect(page.getByText('Showing 2026-01-01 to 2026-01-14')).toBeVisible();
  await expect(page.getByLabel('Team', { exact: true })).toHaveValue(/\d+/);

  await page.goto('/dashboard?from=2026-02-01&to=2026-01-01');
  await expect(page.getByRole('alert')).toContainText('from: 2026-02-01 is after to (2026-01-01)');
  await context.close();
});

test('a rep gets a 403 page at /dashboard', async ({ page }) => {
  await signIn(page, 'riley@example.com');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
  const response = await page.goto('/dashboard');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('img')).toHaveCount(0);
});

const viewports = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the dashboard has no axe violations (${viewport.name}, ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await signIn(page, 'max@example.com', '/dashboard');
      await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
      await expectNoViolations(page);
      await page.screenshot({ path: `${SHOTS}/dashboard-${viewport.name}-${colorScheme}.png`, fullPage: true });
      await context.close();
    });
  }
}
