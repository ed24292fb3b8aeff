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
