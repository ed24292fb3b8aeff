import { test, expect, Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import { apiToken, hydrated, newContact, scripted, signedIn } from './support';

// The leads board: a rep claims a hot lead, a second rep's claim on it becomes a request that
// the manager sees (and grants) in the review queue; releasing asks first; a long section comes
// a page at a time; axe-core is clean.
const SHOTS = '/tmp/shots-leads';
fs.mkdirSync(SHOTS, { recursive: true });

test('a rep claims a hot lead; another rep\'s claim becomes a request the manager grants', async ({ browser }) => {
  const riley = await signedIn(browser, 'riley@example.com');
  await riley.goto('/leads');
  await hydrated(riley);
  await expect(riley.getByRole('link', { name: 'Leads', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(riley.getByRole('link', { name: 'Review' })).toHaveCount(0);
  await riley.screenshot({ path: `${SHOTS}/leads-riley.png`, fullPage: true });

  const hot = riley.locator('#hot');
  const first = hot.getByTestId('lead-row').first();
  const name = (await first.getByRole('link').first().textContent())!.trim();
  const id = await first.getAttribute('data-contact-id');
  // The latest inbound reads as a relative time, with the local one on hover.
  await expect(first).toContainText(/Last inbound: .*(\d+ (min|h|d) ago|just now)/);
  await first.getByRole('button', { name: `Claim ${name}` }).click();
  await expect(riley.getByRole('status')).toContainText('Claimed: the contact is yours until');
  await expect(riley.locator('#mine').locator(`[data-contact-id="${id}"]`)).toContainText('Yours until');
  await expect(hot.locator(`[data-contact-id="${id}"]`)).toHaveCount(0);

  const sam = await signedIn(browser, 'sam@example.com');
  await sam.goto('/leads?hot=all');
  await hydrated(sam);
  const row = sam.locator('#hot').locator(`[data-contact-id="${id}"]`);
  await expect(row).toContainText('Owner: Riley Rep');
  await row.getByRole('button', { name: `Request claim on ${name}` }).click();
  await expect(sam.getByRole('status')).toContainText('your claim request is filed with the managers');
  await expect(row.getByTestId('request-filed')).toHaveText('Request filed · with the managers');
  await sam.screenshot({ path: `${SHOTS}/leads-sam-requested.png`, fullPage: true });

  const max = await signedIn(browser, 'max@example.com');
  await max.goto('/review');
  await max.getByRole('link', { name: /^Claim requests \(\d+\)$/ }).click();
  await expect(max).toHaveURL(/\/review\?tab=claims$/);
  await hydrated(max);
  const request = max.getByTestId('claim-request').filter({ hasText: name });
  await expect(request).toContainText(`Sam Success asks for ${name} (owned by Riley Rep)`);
  await max.locator('#requests').screenshot({ path: `${SHOTS}/review-requests.png` });
  await request.getByLabel('Reason (required)').fill('Sam handles this account');
  await request.getByRole('button', { name: 'Grant to Sam Success' }).click();
  await expect(max.getByRole('status')).toContainText('Claim request decided.');
  await expect(max.getByTestId('claim-request').filter({ hasText: name })).toHaveCount(0);

  await max.goto(`/review/audit?contact_id=${id}`);
  const trail = max.getByTestId('audit-row');
  await expect(trail.first()).toContainText('claim.reassigned');
  await expect(trail.first()).toContainText('Sam handles this account');
  await expect(max.getByTestId('audit-row').filter({ hasText: 'claim.requested' })).toHaveCount(1);
  await expect(max.getByTestId('audit-row').filter({ hasText: 'claim.claimed' })).toHaveCount(1);
});

test('releasing a claim asks first, then returns the lead to the board', async ({ browser }) => {
  const riley = await signedIn(browser, 'riley@example.com');
  await riley.goto('/leads');
  await hydrated(riley);
  const first = riley.locator('#hot').getByTestId('lead-row').first();
  const name = (await first.getByRole('link').first().textContent())!.trim();
  const id = await first.getAttribute('data-contact-id');
  // The latest inbound reads as a relative time, with the local one on hover.
  await expect(first).toContainText(/Last inbound: .*(\d+ (min|h|d) ago|just now)/);
  await first.getByRole('button', { name: `Claim ${name}` }).click();
  const mine = riley.locator('#mine').locator(`[data-contact-id="${id}"]`);
  await expect(mine).toBeVisible();
  await mine.locator('summary').click();
  await expect(mine).toContainText(`Give ${name} back to the leads board?`);
  await riley.screenshot({ path: `${SHOTS}/leads-release-confirm.png`, fullPage: true });
  await mine.getByRole('button', { name: 'Yes, release' }).click();
  await expect(riley.getByRole('status')).toContainText('Released');
  await expect(riley.locator('#mine').locator(`[data-contact-id="${id}"]`)).toHaveCount(0);
  await expect(riley.locator('#hot').locator(`[data-contact-id="${id}"]`)).toHaveCount(1);
});

test('the board works without JavaScript: claim by a plain form post', { tag: '@no-js' }, async ({ browser }) => {
  const riley = await signedIn(browser, 'riley@example.com');
  await riley.goto('/leads');
  const first = riley.locator('#hot').getByTestId('lead-row').first();
  const name = (await first.getByRole('link').first().textContent())!.trim();
  const id = await first.getAttribute('data-contact-id');
  // The latest inbound reads as a relative time, with the local one on hover.
  await expect(first).toContainText(/Last inbound: .*(\d+ (min|h|d) ago|just now)/);
  await first.getByRole('button', { name: `Claim ${name}` }).click();
  await expect(riley).toHaveURL(/\/leads\??$/);
  await expect(riley.getByRole('status')).toContainText('Claimed: the contact is yours until');
  await expect(riley.locator('#mine').locator(`[data-contact-id="${id}"]`)).toContainText('Yours until');
});

test('the contact page claims, requests and releases, with JavaScript off and on', async ({ browser, request }) => {
  const auth = apiToken('mia@example.com', 'contact page claims');
  const name = `Quinn Claimable ${Date.now()}`;
  const id = await newContact(request, auth, name, 'lead');

  // Riley claims it without JavaScript: a plain form post that comes back to the contact.
  const riley = await signedIn(browser, 'riley@example.com', { javaScriptEnabled: false });
  await riley.goto(`/contacts/${id}`);
  await expect(riley.getByTestId('owner')).toContainText('Unowned');
  await riley.getByRole('button', { name: `Claim ${name}` }).click();
  await expect(riley).toHaveURL(new RegExp(`/contacts/${id}`));
  await expect(riley.getByRole('status').first()).toContainText('Claimed: the contact is yours until');
  await expect(riley.getByTestId('owner')).toContainText('Owned by Riley Rep');
  await riley.screenshot({ path: `${SHOTS}/contact-claimed-riley-nojs.png`, fullPage: true });

  // Sam, hydrated, asks the managers for it.
  const sam = await signedIn(browser, 'sam@example.com', { viewport: { width: 390, height: 844 } });
  await sam.goto(`/contacts/${id}`);
  await hydrated(sam);
  await sam.getByRole('button', { name: `Request claim on ${name}` }).click();
  await expect(sam.getByRole('status').first()).toContainText('your claim request is filed with the managers');
  await sam.goto(`/contacts/${id}`);
  await expect(sam.getByTestId('request-filed')).toContainText('Request filed');
  await sam.screenshot({ path: `${SHOTS}/contact-requested-sam-phone.png`, fullPage: true });

  // Max, a manager, may reassign it from there.
  const max = await signedIn(browser, 'max@example.com');
  await max.goto(`/contacts/${id}`);
  await expect(max.getByTestId('claim-actions').getByRole('link', { name: 'Reassign' })).toHaveAttribute('href', `/review?contact_id=${id}#reassign`);

  // Riley releases it, after a confirmation.
  await riley.getByTestId('claim-actions').locator('summary').click();
  await riley.getByRole('button', { name: 'Yes, release' }).click();
  await expect(riley.getByRole('status').first()).toContainText('Released');
  await expect(riley.getByTestId('owner')).toContainText('Unowned');

  // The audit trail names the people and gives times in the reader's zone.
  await max.goto(`/review/audit?contact_id=${id}`);
  const released = max.getByTestId('audit-row').filter({ hasText: 'claim.released' });
  await expect(released).toContainText(/owner:\s*Riley Rep/);
  const claimed = max.getByTestId('audit-row').filter({ hasText: 'claim.claimed' });
  await expect(claimed).toContainText(/expires at:\s*\w{3} \d{1,2} \w{3} \d\d:\d\d/);
  await expect(claimed).not.toContainText(/\d{4}-\d\d-\d\dT/);
  await max.screenshot({ path: `${SHOTS}/audit-names-max.png`, fullPage: true });
});

const viewports = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`/leads has no axe violations (${viewport.name}, ${colorScheme})`, async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await signedIn(browser, 'max@example.com', { viewport, colorScheme });
      await page.goto('/leads?hot=all');
      await hydrated(page);
      await expect(page.getByRole('heading', { name: /^Hot leads/ })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
      expect(summary).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/leads-${viewport.name}-${colorScheme}.png`, fullPage: viewport.name === 'phone' ? false : true });
    });
  }
}

test('the board lists each contact once, in the first section that has it', { tag: '@both' }, async ({ browser }) => {
  for (const email of ['riley@example.com', 'max@example.com']) {
    const page = await signedIn(browser, email);
    for (const path of ['/leads', '/leads?hot=all']) {
      await page.goto(path);
      const ids = await page.getByTestId('lead-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contact-id')));
      expect(ids.length, `${email} ${path}: the demo board has rows`).toBeGreaterThan(0);
      expect(new Set(ids).size, `${email} ${path}: no contact twice`).toBe(ids.length);
      await page.screenshot({ path: `${SHOTS}/leads-once-${email.split('@')[0]}${path.includes('all') ? '-all' : ''}.png`, fullPage: true });
    }
    await page.context().close();
  }
});

test('a long section comes a page at a time', { tag: '@both' }, async ({ browser }) => {
    const javaScriptEnabled = scripted();
    const max = await signedIn(browser, 'max@example.com');
    await max.goto('/leads?hot=all');
    const hot = max.locator('#hot');
    const heading = await hot.getByRole('heading', { level: 2 }).innerText();
    const total = Number(heading.match(/\((\d+)\)/)![1]);
    expect(total).toBeGreaterThan(25);
    const pages = hot.getByRole('navigation', { name: 'Pages of Hot leads' });
    await expect(pages).toContainText(`Rows 1 to 25 of ${total}.`);
    const first = await hot.getByTestId('lead-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contact-id')));
    await pages.getByRole('link', { name: 'Next page →' }).click();
    await expect(max).toHaveURL(/\/leads\?hot=all&hot_page=2#hot$/);
    await expect(pages).toContainText(`Rows 26 to ${Math.min(50, total)} of ${total}.`);
    const second = await hot.getByTestId('lead-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contact-id')));
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    if (javaScriptEnabled) await max.screenshot({ path: `${SHOTS}/leads-page-two.png`, fullPage: true });
    await pages.getByRole('link', { name: '← Earlier' }).click();
    await expect(pages).toContainText(`Rows 1 to 25 of ${total}.`);
    await max.context().close();
});
