import { test, expect, Page, Browser } from '@playwright/test';
import * as fs from 'node:fs';
import { apiPost, apiToken, expectNoViolations, newContact as contact, newTouch as touch, scripted, signIn, signedIn } from './support';

// The team calendar: month view with channels and statuses, filters in the URL, "+N more" on a
// crowded day, a campaign as one item per day that opens to its touches, drag to reschedule (refused and explained into a conflict, moved into a free
// day), keyboard navigation of the grid, the calendar with JavaScript off, and axe-core.
// The demo data sits around today; this spec plans its own touches eight months ahead.

const shots = '/tmp/shots-calendar';
fs.mkdirSync(shots, { recursive: true });

// Each project plans in a month of its own (eight months ahead hydrated, nine without
// JavaScript), so that neither sees the other's touches.
let ym = '';
const day = (n: number) => `${ym}-${String(n).padStart(2, '0')}`;
let monthUrl = '';

test.beforeAll(async ({ playwright, baseURL }) => {
  const month = new Date();
  month.setUTCDate(1);
  month.setUTCMonth(month.getUTCMonth() + (scripted() ? 8 : 9));
  ym = `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
  monthUrl = `/calendar?view=month&date=${day(1)}`;
  const request = await playwright.request.newContext({ baseURL });
  const auth = apiToken('mia@example.com', 'calendar e2e');
  for (let n = 0; n < 5; n++) {
    const c = await contact(request, auth, `Crowd ${n}`);
    await touch(request, auth, c, `${day(6)}T1${4 + n}:00:00Z`, `Crowd touch ${n}`);
  }
  const x = await contact(request, auth, 'Dana Drag');
  await touch(request, auth, x, `${day(13)}T15:00:00Z`, 'Anchor touch');
  await touch(request, auth, x, `${day(15)}T16:00:00Z`, 'Drag me');
  const h = await contact(request, auth, 'Hana Hour');
  await touch(request, auth, h, `${day(26)}T15:45:00Z`, 'Hour me');
  const s = await contact(request, auth, 'Sam Sms');
  await touch(request, auth, s, `${day(20)}T16:00:00Z`, 'Text reminder', 'sms');
  const recipients = [];
  for (let n = 0; n < 3; n++) recipients.push(await contact(request, auth, `Camper ${n}`));
  await touch(request, auth, recipients[0], `${day(24)}T13:00:00Z`, 'One-off call', 'phone');
  const created = await apiPost(request, auth, '/api/v1/campaigns', {
    audience: { contact_ids: recipients }, channel: 'email', purpose: 'newsletter',
    scheduled_at: `${day(24)}T16:00:00Z`, title: 'Autumn letter', on_conflict: 'review',
  });
  campaignId = created.id;
  await request.dispose();
});

let campaignId = 0;

const cell = (page: Page, date: string) => page.locator(`[role=gridcell][data-date="${date}"]`);
/** The hour grid's row label for an instant, in Mia's zone (New York). */
const hourIn = (iso: string) =>
  `${new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso))}:00`;

test('the month lists touches with channel, status and team, and a crowded day says +N more', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page).toHaveURL(/\/calendar/);
  await page.goto(monthUrl);
  await expect(page.getByRole('grid')).toBeVisible();
  const crowded = cell(page, day(6));
  await expect(crowded.getByRole('link', { name: /Crowd touch/ })).toHaveCount(3);
  await expect(crowded.getByText('email').first()).toBeVisible();
  await expect(crowded.getByText('planned').first()).toBeVisible();
  await expect(crowded.getByText('Corporate marketing').first()).toBeVisible();
  await expect(crowded.getByRole('link', { name: '+2 more' })).toBeVisible();
  await page.screenshot({ path: `${shots}/month-laptop.png`, fullPage: true });
  await crowded.getByRole('link', { name: '+2 more' }).click();
  await expect(page).toHaveURL(new RegExp(`view=day&date=${day(6)}`));
  await expect(page.getByTestId('day-summary')).toHaveText('5 touches: showing 1 to 5.');
  await expect(page.getByRole('link', { name: /Crowd touch 4/ })).toBeVisible();
});

test('a campaign is one item per day that opens to its touches', { tag: '@both' }, async ({ page }) => {
    const javaScriptEnabled = scripted();
    await signIn(page, 'mia@example.com');
    await page.goto(monthUrl);
    const busy = cell(page, day(24));
    const item = busy.locator(`a[data-campaign="${campaignId}"]`);
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Autumn letter');
    await expect(item).toContainText('3 recipients');
    await expect(busy.getByRole('link', { name: /One-off call/ })).toBeVisible();
    await expect(busy.locator('a[data-touch]')).toHaveCount(1);
    if (javaScriptEnabled) await page.screenshot({ path: `${shots}/month-campaign.png`, fullPage: true });

    await page.goto(`/calendar?view=day&date=${day(24)}`);
    await expect(page.getByTestId('day-summary')).toHaveText('3 touches in campaigns; 1 outside them, showing 1 to 1.');
    await page.locator(`a[data-campaign="${campaignId}"]`).click();
    await expect(page).toHaveURL(new RegExp(`view=day&date=${day(24)}&campaign=${campaignId}`));
    await expect(page.getByTestId('day-campaign')).toHaveText('3 recipients of the campaign Autumn letter on this day.');
    await expect(page.getByRole('link', { name: /Autumn letter/ })).toHaveCount(4);
    await expect(page.getByRole('link', { name: /Camper 2/ })).toBeVisible();
    if (javaScriptEnabled) await page.screenshot({ path: `${shots}/day-campaign.png`, fullPage: true });
    await page.getByRole('link', { name: 'Autumn letter', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}$`));
});

test('filters go into the URL and change what is shown', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto(monthUrl);
  await expect(cell(page, day(20)).getByRole('link', { name: /Text reminder/ })).toBeVisible();
  await page.getByLabel('Channel').selectOption('sms');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/channel=sms/);
  await expect(page).toHaveURL(new RegExp(`date=${day(1)}`));
  await expect(cell(page, day(20)).getByRole('link', { name: /Text reminder/ })).toBeVisible();
  await expect(cell(page, day(6)).getByRole('link', { name: /Crowd touch/ })).toHaveCount(0);
  await page.getByLabel('Status').selectOption('cancelled');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=cancelled/);
  await expect(page.getByRole('link', { name: /Text reminder/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(cell(page, day(6)).getByRole('link', { name: /Crowd touch/ })).toHaveCount(3);
});

test('a touch dragged into a conflict goes back with the reason; into a free day it moves', async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto(monthUrl);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const dragged = page.getByRole('link', { name: /Drag me/ });
  await expect(cell(page, day(15)).getByRole('link', { name: /Drag me/ })).toBeVisible();

  await dragged.dragTo(cell(page, day(13)));
  const refused = page.getByTestId('move-refused');
  await expect(refused).toContainText('“Drag me” stays on');
  await expect(refused).toContainText('Not moved to');
  await expect(page.getByRole('button', { name: 'Move anyway and send it to review' })).toBeVisible();
  await expect(cell(page, day(15)).getByRole('link', { name: /Drag me/ })).toBeVisible();
  await expect(cell(page, day(13)).getByRole('link', { name: /Drag me/ })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/drag-refused.png`, fullPage: true });

  await page.getByRole('link', { name: /Drag me/ }).dragTo(cell(page, day(17)));
  await expect(page.getByTestId('move-done')).toContainText('Moved “Drag me”');
  await expect(cell(page, day(17)).getByRole('link', { name: /Drag me/ })).toBeVisible();
  await expect(cell(page, day(15)).getByRole('link', { name: /Drag me/ })).toHaveCount(0);
  await page.reload();
  await expect(cell(page, day(17)).getByRole('link', { name: /Drag me/ })).toBeVisible();
});

test('the week and day views are hour grids; a touch dropped on an hour moves there, keeping its minutes', async ({ browser }) => {
  // Tall enough for the whole working day, so the drag needs no scrolling.
  const page = await signedIn(browser, 'mia@example.com', { viewport: { width: 1280, height: 1400 } });
  await page.goto(`/calendar?view=week&date=${day(26)}`);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const column = page.locator(`li[data-date="${day(26)}"]`);
  const slot = (label: string) => column.locator(`[data-slot="${label}"]`);
  const planned = hourIn(`${day(26)}T15:45:00Z`);
  await expect(slot(planned).getByRole('link', { name: /Hour me/ })).toBeVisible();
  // The day's rows line up with the week's hour labels.
  const label = page.locator('li[aria-hidden=true] span').filter({ hasText: /^16:00$/ });
  const [labelBox, slotBox] = [await label.boundingBox(), await slot('16:00').boundingBox()];
  expect(Math.abs(labelBox!.y - slotBox!.y)).toBeLessThan(2);
  await page.screenshot({ path: `${shots}/week-hours.png`, fullPage: true });

  await page.getByRole('link', { name: /Hour me/ }).dragTo(slot('16:00'));
  await expect(page.getByTestId('move-done')).toContainText('Moved “Hour me” to');
  await expect(page.getByTestId('move-done')).toContainText('16:45.');
  await expect(slot('16:00').getByRole('link', { name: /Hour me/ })).toBeVisible();
  await expect(slot(planned).getByRole('link', { name: /Hour me/ })).toHaveCount(0);
  await page.goto(`/calendar?view=day&date=${day(26)}`);
  await expect(page.locator('[data-slot="16:00"]').getByRole('link', { name: /Hour me/ })).toBeVisible();
  await expect(page.locator('[data-slot="16:00"] time')).toHaveText('16:45');
  await page.screenshot({ path: `${shots}/day-hours.png`, fullPage: true });
  await page.context().close();
});

test('arrow keys move between days and Enter opens the focused day', async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto(`/calendar?view=month&date=${day(6)}`);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(cell(page, day(6))).toHaveAttribute('tabindex', '0');
  await expect(page.locator('[role=gridcell][tabindex="0"]')).toHaveCount(1);
  await cell(page, day(6)).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, day(7))).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, day(14))).toBeFocused();
  await expect(cell(page, day(14))).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, day(6))).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`view=day&date=${day(6)}`));
  await expect(page.getByTestId('day-summary')).toContainText('5 touches');
});

test('the calendar reads and reschedules with JavaScript off', { tag: '@no-js' }, async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto(monthUrl);
  const crowded = cell(page, day(6));
  await expect(crowded.getByRole('link', { name: /Crowd touch/ })).toHaveCount(3);
  await expect(crowded.getByText('email').first()).toBeVisible();
  await page.getByRole('link', { name: 'Next', exact: false }).first().click();
  await expect(page).toHaveURL(/view=month/);
  await page.goBack();
  await page.getByRole('link', { name: 'Week' }).click();
  await expect(page).toHaveURL(/view=week/);
  await page.goto(`/calendar?view=day&date=${day(6)}`);
  const hour = page.locator(`[data-slot="${hourIn(`${day(6)}T15:00:00Z`)}"]`);
  await expect(hour.getByRole('link', { name: /Crowd touch 1/ })).toBeVisible();
  await page.goto(`/calendar?view=agenda&date=${day(6)}`);
  await expect(page.getByRole('link', { name: /Crowd touch 0/ })).toBeVisible();
  await page.getByRole('link', { name: /Crowd touch 0/ }).click();
  await expect(page.getByRole('heading', { name: 'Crowd touch 0' })).toBeVisible();
  await page.getByLabel('Day').fill(day(8));
  await page.getByRole('button', { name: 'Move touch' }).click();
  await expect(page.getByRole('heading', { name: 'Crowd touch 0' })).toBeVisible();
  await page.goto(monthUrl);
  await expect(cell(page, day(8)).getByRole('link', { name: /Crowd touch 0/ })).toBeVisible();
  await expect(cell(page, day(6)).getByRole('link', { name: '+1 more' })).toBeVisible();
});

const viewports = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the calendar has no axe violations (${viewport.name}, ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await signIn(page, 'mia@example.com');
      for (const view of ['month', 'week', 'day', 'agenda']) {
        await page.goto(`/calendar?view=${view}&date=${day(6)}`);
        await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
        await expectNoViolations(page);
        await page.screenshot({ path: `${shots}/${view}-${viewport.name}-${colorScheme}.png`, fullPage: true });
      }
      await page.getByRole('link', { name: /Crowd touch 1/ }).first().click();
      await expect(page.getByRole('heading', { name: 'Move this touch' })).toBeVisible();
      await expectNoViolations(page);
      await page.screenshot({ path: `${shots}/touch-${viewport.name}-${colorScheme}.png`, fullPage: true });
      await context.close();
    });
  }
}
