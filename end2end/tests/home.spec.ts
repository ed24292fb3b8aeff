import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import { apiPost, apiToken, expectNoViolations, newContact, signedIn, signIn } from './support';

// The start page is a workspace: a rep sees their touches waiting for review and, once a
// manager decides, the decision with its reason; a manager sees what waits for them.
const SHOTS = '/tmp/shots-home';
fs.mkdirSync(SHOTS, { recursive: true });

test('the author sees a touch wait for review, then the manager\'s decision on the start page', { tag: '@both' }, async ({ browser, request }) => {
  const mia = apiToken('mia@example.com', 'home contact');
  const riley = apiToken('riley@example.com', 'home touches');
  const contact = await newContact(request, mia, `Hana Home ${Date.now()}`, 'lead');
  const at = new Date(Date.now() + 3 * 86_400_000);
  at.setUTCHours(15, 0, 0, 0);
  const later = new Date(at.getTime() + 30 * 60_000);
  const follow = (when: Date, title: string) =>
    apiPost(request, riley, '/api/v1/touches', {
      contact_id: contact, channel: 'email', purpose: 'sales_followup', scheduled_at: when.toISOString(), title,
    });
  await follow(at, 'First follow-up');
  const second = (await follow(later, 'Second follow-up, too soon')).touch;
  expect(second.status).toBe('pending_review');

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const page = await signedIn(browser, 'riley@example.com', { viewport });
    await page.goto('/');
    const waiting = page.getByTestId('waiting');
    await expect(waiting.locator(`[data-touch-id="${second.id}"]`)).toContainText('Second follow-up, too soon');
    await expect(page.getByTestId('for-you')).toHaveCount(0);
    await expectNoViolations(page);
    await page.screenshot({ path: `${SHOTS}/home-riley-${viewport.width}.png`, fullPage: true });
    await page.context().close();
  }

  const max = await signedIn(browser, 'max@example.com');
  await max.goto('/');
  await expect(max.getByTestId('for-you')).toContainText('wait for review');
  await max.screenshot({ path: `${SHOTS}/home-max.png`, fullPage: true });
  await max.getByTestId('for-you').getByRole('link', { name: 'Open the review queue' }).click();
  await expect(max).toHaveURL(/\/review/);
  const card = max.locator(`[data-testid="pending-touch"][data-touch-id="${second.id}"]`);
  const reason = `Agreed on the phone (${Date.now()})`;
  // The card may be on a later page of the queue: decide through the form wherever it is.
  let found = await card.count();
  for (let from = 50; found === 0 && from < 1000; from += 50) {
    await max.goto(`/review?from=${from}`);
    found = await card.count();
  }
  await card.getByLabel('Reason (required)').fill(reason);
  await card.getByRole('button', { name: 'Reject' }).click();
  await expect(max.locator(`[data-touch-id="${second.id}"]`)).toHaveCount(0);

  const page = await signedIn(browser, 'riley@example.com');
  await page.goto('/');
  await expect(page.getByTestId('waiting').locator(`[data-touch-id="${second.id}"]`)).toHaveCount(0);
  const decision = page.getByTestId('decided').locator(`[data-touch-id="${second.id}"]`);
  await expect(decision).toContainText('Rejected');
  await expect(decision).toContainText('by Max Manager');
  await expect(decision).toContainText(reason);
  await page.screenshot({ path: `${SHOTS}/home-riley-decided.png`, fullPage: true });
});

test('a rep sees their contacts that wait on them and their claims about to lapse; a marketer, who claims none, does not', { tag: '@both' }, async ({ page, browser }) => {
  await signIn(page, 'riley@example.com');
  const attention = page.getByTestId('attention');
  await expect(attention.getByRole('heading', { name: 'Your contacts' })).toBeVisible();
  // The demo's rep owns contacts with unanswered replies and claims lapsing within three days.
  await expect(attention.getByText(/^\d+ contacts? waiting on you$/)).toBeVisible();
  await expect(attention.getByText(/^\d+ contacts? with a claim lapsing within three days$/)).toBeVisible();
  const lapsing = page.getByTestId('attention-lapsing').getByTestId('attention-contact').first();
  await expect(lapsing).toContainText(/Lapses .+ \(in \d+ (min|h|d)\)/);
  const name = (await lapsing.getByRole('link').textContent())!.trim();
  await lapsing.getByRole('link').click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

  const marketer = await signedIn(browser, 'mia@example.com');
  await expect(marketer.getByTestId('today')).toBeVisible();
  await expect(marketer.getByTestId('attention')).toHaveCount(0);
});

test('an admin sees what is not set up yet, each step linking to where it is done; a rep does not', { tag: '@both' }, async ({ page, browser }) => {
  await signIn(page, 'ada@example.com');
  const setup = page.getByTestId('setup');
  await expect(setup.getByRole('heading', { name: 'Set up Concord' })).toBeVisible();
  await expectNoViolations(page);
  // Other tests connect senders, issue tokens, load lists and turn packs on, so which steps
  // are left depends on the order they ran in; the demo's six people are always there.
  await expect(setup.getByRole('link', { name: 'Add the people who plan touches' })).toHaveCount(0);
  const steps = setup.getByTestId('setup-step');
  if ((await steps.count()) === 0) {
    await expect(setup).toContainText('Everything is set up');
  } else {
    const link = steps.first().getByRole('link');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/settings/);
    await link.click();
    await expect(page).toHaveURL((url) => url.pathname + url.hash === href);
  }

  const rep = await signedIn(browser, 'riley@example.com');
  await expect(rep.getByTestId('today')).toBeVisible();
  await expect(rep.getByTestId('setup')).toHaveCount(0);
});

test('a marketer sees their campaigns still to go out and a touch planned since that runs into one; a campaign today is one line', { tag: '@both' }, async ({ page, browser, request }) => {
  await signIn(page, 'mia@example.com');
  const section = page.getByTestId('campaigns');
  await expect(section.getByRole('heading', { name: 'Your campaigns' })).toBeVisible();
  const lines = section.getByTestId('my-campaign');
  // The demo's marketer plans a campaign every few days, a month ahead.
  expect(await lines.count()).toBeGreaterThan(1);
  // Today's campaigns are one line each, never one line per recipient.
  const today = page.getByTestId('today');
  const ids = await today.getByTestId('today-campaign').evaluateAll((els) => els.map((e) => e.getAttribute('data-campaign')));
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) {
    await expect(today.locator(`[data-campaign="${id}"]`)).toContainText(/to \d+ recipients?/);
    await expect(today.locator(`[data-campaign="${id}"] a[href="/campaigns/${id}"]`)).toHaveCount(1);
  }

  // A rep plans an email ten minutes after a recipient of an email campaign a day or more ahead
  // gets theirs (the demo's are days apart).
  let chosen = null;
  for (let i = 0; i < (await lines.count()) && chosen === null; i++) {
    const line = lines.nth(i);
    const when = new Date((await line.locator('time').getAttribute('datetime'))!);
    if ((await line.textContent())!.includes('email') && when.getTime() > Date.now() + 86_400_000) chosen = line;
  }
  expect(chosen, 'an email campaign a day or more ahead').not.toBeNull();
  const campaignId = (await chosen!.getAttribute('data-campaign'))!;
  await chosen!.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}$`));
  const row = page.getByRole('row').filter({ hasText: 'planned' }).first();
  const contact = (await row.getByRole('link').first().getAttribute('href'))!.split('/').pop();
  const goesOut = (await row.locator('time').getAttribute('datetime'))!;
  const at = new Date(new Date(goesOut).getTime() + 10 * 60_000);
  const riley = apiToken('riley@example.com', 'home campaign conflict');
  const planned = await apiPost(request, riley, '/api/v1/touches', {
    contact_id: Number(contact), channel: 'email', purpose: 'sales_followup', scheduled_at: at.toISOString(), title: 'Right after the mailing',
  });
  expect(planned.conflicts.length).toBeGreaterThan(0);

  await page.goto('/');
  const conflicts = section.locator(`[data-campaign="${campaignId}"]`).getByTestId('campaign-conflicts');
  await expect(conflicts).toContainText(/\d+ touch(es)? planned since by others runs? into it\./);
  await expectNoViolations(page);

  const rep = await signedIn(browser, 'riley@example.com');
  await expect(rep.getByTestId('today')).toBeVisible();
  await expect(rep.getByTestId('campaigns')).toHaveCount(0);
});

test('a manager sees the week\'s pressure and opens the dashboard on the same week; a marketer does not', { tag: '@both' }, async ({ page, browser }) => {
  await signIn(page, 'max@example.com');
  const week = page.getByTestId('week');
  await expect(week.getByRole('heading', { name: 'This week\'s pressure' })).toBeVisible();
  await expect(week.getByTestId('week-cap')).toContainText(/touched this week; .+ or more touches \(the weekly cap\)\./);
  await expect(week.getByTestId('week-named')).toHaveCount(2);
  await expectNoViolations(page);
  const link = week.getByRole('link', { name: 'This week on the pressure dashboard' });
  const href = (await link.getAttribute('href'))!;
  const [, from, to] = href.match(/from=(\d{4}-\d\d-\d\d)&to=(\d{4}-\d\d-\d\d)/)!;
  expect((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000).toBe(6);
  expect(new Date(from).getUTCDay()).toBe(1);
  await link.click();
  await expect(page).toHaveURL(/\/dashboard\?/);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(from);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(to);

  const marketer = await signedIn(browser, 'mia@example.com');
  await expect(marketer.getByTestId('today')).toBeVisible();
  await expect(marketer.getByTestId('week')).toHaveCount(0);
});
