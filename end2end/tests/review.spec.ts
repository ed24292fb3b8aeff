import { test, expect, Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import { apiToken, newContact, scripted, signedIn } from './support';

// The review queue: a manager approves a pending override with a required reason (refused when
// blank, in place with JavaScript and after the redirect without) and finds it in the audit trail.
const SHOTS = '/tmp/shots-leads';
fs.mkdirSync(SHOTS, { recursive: true });

/// The first one-off touch awaiting review with a block conflict (the demo's overrides).
function overrideCard(page: Page) {
  return page.getByTestId('pending-touch').filter({ hasText: 'Minimum gap · block' }).first();
}

async function approveWithReason(page: Page, js: boolean) {
  await page.goto('/review');
  if (js) await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const card = overrideCard(page);
  const id = await card.getAttribute('data-touch-id');
  const title = (await card.getByRole('heading').textContent())!.trim();
  const contact = await card.getByRole('link', { name: 'Audit trail' }).getAttribute('href');
  const reason = `Customer asked for it (${js ? 'js' : 'no js'})`;
  await page.evaluate(() => ((window as any).__same = true)).catch(() => {});

  await card.getByLabel('Reason (required)').fill('   ');
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('alert')).toContainText(`Reason: a reason is required (touch #${id})`);
  if (js) {
    expect(page.url()).not.toContain('__err');
    expect(await page.evaluate(() => (window as any).__same)).toBe(true);
  } else {
    await expect(page).toHaveURL(/__err=/);
  }
  await page.screenshot({ path: `${SHOTS}/review-reason-required-${js ? 'js' : 'nojs'}.png`, fullPage: false });

  const again = page.locator(`[data-touch-id="${id}"]`);
  await again.getByLabel('Reason (required)').fill(reason);
  await again.getByRole('button', { name: 'Approve' }).click();
  if (js) await expect(page.getByRole('status')).toContainText('Approved: the touch goes out as planned.');
  await expect(page.locator(`[data-touch-id="${id}"]`)).toHaveCount(0);
  await expect(page.getByRole('alert')).toBeEmpty();

  await page.goto(contact!);
  const row = page.getByTestId('audit-row').first();
  await expect(row).toContainText('review.approve');
  await expect(row).toContainText(`touch #${id}`);
  await expect(row).toContainText('by Max Manager');
  await expect(row).toContainText(reason);
  await expect(row).toContainText('min_gap');
  await page.screenshot({ path: `${SHOTS}/audit-contact-${js ? 'js' : 'nojs'}.png`, fullPage: true });
  await page.goto('/review/audit');
  await expect(page.getByTestId('audit-row').filter({ hasText: reason })).toHaveCount(1);
  return title;
}

test('a manager approves an override with a reason and it is in the audit trail', { tag: '@both' }, async ({ browser }) => {
  const max = await signedIn(browser, 'max@example.com');
  await max.goto('/review');
  await expect(max.getByRole('link', { name: 'Review', exact: true })).toBeVisible();
  if (scripted()) await max.screenshot({ path: `${SHOTS}/review-max.png`, fullPage: true });
  await approveWithReason(max, scripted());
});

test('a rep sees no Review link and the queue refuses them', { tag: '@both' }, async ({ browser }) => {
  const riley = await signedIn(browser, 'riley@example.com');
  await expect(riley.getByRole('link', { name: 'Review' })).toHaveCount(0);
  for (const path of ['/review', '/review/audit']) {
    const response = await riley.goto(path);
    expect(response?.status()).toBe(403);
    await expect(riley.getByRole('alert').last()).toContainText('a rep may not see the review queue');
  }
});

const viewports = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`/review and the audit trail have no axe violations (${viewport.name}, ${colorScheme})`, async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await signedIn(browser, 'max@example.com', { viewport, colorScheme });
      for (const [path, shot] of [['/review', 'review'], ['/review/audit', 'audit']]) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true', { timeout: 30_000 });
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
        expect(summary).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/${shot}-${viewport.name}-${colorScheme}.png` });
      }
    });
  }
}

test('the queue comes fifty touches a page, with the range and the way to the next', { tag: '@both' }, async ({ browser }) => {
  const page = await signedIn(browser, 'max@example.com');
  await page.goto('/review');
  const heading = await page.getByRole('heading', { name: /Touches awaiting review/ }).textContent();
  const total = Number(/\((\d+)\)/.exec(heading!)![1]);
  expect(total, 'the demo has more than a page of touches awaiting review').toBeGreaterThan(50);
  await expect(page.getByTestId('pending-range')).toHaveText(`Showing 1–50 of ${total}, one-off touches first, then by campaign.`);
  await expect(page.getByTestId('pending-touch')).toHaveCount(50);
  await page.getByRole('link', { name: /^Next \d+ →$/ }).click();
  const last = Math.min(100, total);
  await expect(page.getByTestId('pending-range')).toHaveText(`Showing 51–${last} of ${total}, one-off touches first, then by campaign.`);
  await expect(page.getByTestId('pending-touch')).toHaveCount(last - 50);
  await expect(page.getByRole('link', { name: '← Previous 50' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-page-2.png`, fullPage: false });
  await page.context().close();
});

/// Filters the queue to the campaign titled `title`, then rejects all its touches with one
/// reason; answers how many there were.
async function rejectCampaign(page: Page, title: string, js: boolean) {
  await page.goto('/review');
  if (js) await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const option = page.locator('#filter-campaign option', { hasText: new RegExp(`^“${title}” \\(\\d+\\)$`) }).first();
  const value = (await option.getAttribute('value'))!;
  const count = Number(/\((\d+)\)$/.exec((await option.textContent())!)![1]);
  await page.getByLabel('Campaign', { exact: true }).selectOption(value);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`/review\\?channel=&campaign=${value}$`));
  await expect(page.getByRole('heading', { name: new RegExp(`^Touches awaiting review \\(${count} of \\d+\\)$`) })).toBeVisible();
  await expect(page.getByTestId('pending-touch')).toHaveCount(count);
  const bulk = page.getByTestId('bulk-decide');
  await bulk.getByText(`Decide all ${count} of “${title}” together`).click();
  const reject = count === 1 ? 'Reject 1 touch' : `Reject ${count} touches`;
  await bulk.getByLabel('Reason for all of them (required)').fill('   ');
  await bulk.getByRole('button', { name: reject }).click();
  if (!js) await expect(page).toHaveURL(/__err=/);
  await expect(page.getByRole('alert')).toContainText('reason');
  // Without JavaScript the page came back with the disclosure closed.
  if (!(await bulk.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await bulk.getByText(`Decide all ${count} of “${title}” together`).click();
  }
  await bulk.getByLabel('Reason for all of them (required)').fill(`Too much for one week (${js ? 'js' : 'no js'})`);
  await page.screenshot({ path: `${SHOTS}/review-bulk-${js ? 'js' : 'nojs'}.png`, fullPage: false });
  await bulk.getByRole('button', { name: reject }).click();
  await expect(page.getByRole('status')).toContainText(count === 1 ? 'Decided 1 touch of the campaign.' : `Decided ${count} touches of the campaign.`);
  await page.goto(`/review?campaign=${value}`);
  await expect(page.getByText('No touch awaiting review matches the filter.')).toBeVisible();
  await page.goto('/review/audit');
  await expect(page.getByTestId('audit-row').filter({ hasText: `Too much for one week (${js ? 'js' : 'no js'})` })).toHaveCount(count);
  return count;
}

test('a manager filters the queue to one campaign and rejects its touches together', { tag: '@both' }, async ({ browser }) => {
  const max = await signedIn(browser, 'max@example.com');
  const js = scripted();
  await rejectCampaign(max, js ? 'Holiday sale' : 'Boston store opening', js);
});

test('claim requests have a tab of their own, and a bad filter is said in place', { tag: '@both' }, async ({ browser }) => {
  const max = await signedIn(browser, 'max@example.com');
  await max.goto('/review?tab=claims');
  await expect(max.getByRole('link', { name: /^Claim requests \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  await expect(max.getByRole('heading', { name: 'Reassign a contact' })).toBeVisible();
  await expect(max.getByTestId('pending-touch')).toHaveCount(0);
  await max.screenshot({ path: `${SHOTS}/review-claims-tab.png`, fullPage: false });
  await max.goto('/review?campaign=spring');
  await expect(max.getByRole('alert').last()).toContainText('Campaign: "spring" is neither a campaign number nor "none"');
});

test('a manager reassigns a contact chosen by name, suggested as they type', async ({ browser, request }) => {
  const auth = apiToken('max@example.com', 'review picker');
  const stamp = Date.now().toString(36);
  const name = `Pickett ${stamp}`;
  const id = await newContact(request, auth, name, 'lead');
  await newContact(request, auth, `Pickett ${stamp}son`, 'lead');

  // Hydrated: typing suggests both; picking one sends its label.
  const max = await signedIn(browser, 'max@example.com');
  await max.goto('/review?tab=claims');
  await expect(max.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const form = max.getByRole('region', { name: 'Reassign a contact' });
  const field = form.getByLabel('Contact', { exact: true });
  const options = max.getByTestId('contact-suggestions').locator('option');
  // Any part of a name is enough: the stamp sits in the middle of both.
  await field.pressSequentially(stamp);
  await expect(options).toHaveCount(2);
  const label = (await options.first().getAttribute('value'))!;
  expect(label).toContain(`${name} · `);
  expect(label).toContain(`(#${id})`);
  // The typed text alone names two contacts (it is the whole name of neither): the refusal
  // says which.
  await form.getByLabel('New owner').selectOption({ label: 'Riley Rep (rep, Inside sales)' });
  await form.getByLabel('Reason (required)').fill('Riley covers Pickett accounts');
  await form.getByRole('button', { name: 'Reassign' }).click();
  await expect(max.getByRole('alert').last()).toContainText(`2 contacts match “${stamp}”`);
  await field.fill(label);
  await form.getByRole('button', { name: 'Reassign' }).click();
  await expect(max.getByRole('status')).toContainText('Reassigned: the contact has its new owner.');
  await max.screenshot({ path: `${SHOTS}/review-reassign-picked.png`, fullPage: false });

  // Without JavaScript: the link from the contact page fills in the contact by name.
  const plain = await signedIn(browser, 'max@example.com', { javaScriptEnabled: false });
  await plain.goto(`/review?contact_id=${id}#reassign`);
  const plainForm = plain.getByRole('region', { name: 'Reassign a contact' });
  await expect(plainForm.getByLabel('Contact', { exact: true })).toHaveValue(label);
  await plainForm.getByLabel('New owner').selectOption({ label: 'Sam Success (rep, Customer success)' });
  await plainForm.getByLabel('Reason (required)').fill('Sam takes it over');
  await plainForm.getByRole('button', { name: 'Reassign' }).click();
  await expect(plain.getByRole('status')).toContainText('Reassigned: the contact has its new owner.');
  await plain.goto(`/contacts/${id}`);
  await expect(plain.getByTestId('owner')).toContainText('Sam Success');
});
