import { test, expect, Page, Browser } from '@playwright/test';
import * as fs from 'node:fs';
import { hydrated, scripted, signedIn } from './support';

// One policy for everyone: when an admin changes a rule in Settings, the planner's conflicts
// change with it. Mia previews a campaign an hour after one she planned (min_gap, 4 h, blocks
// every shared recipient); Ada shortens min_gap to 1 h; the same preview then has no min_gap
// conflicts. Demo touches lie within 60 days of today; these campaigns, 95 days out, meet only
// each other.
const SHOTS = '/tmp/shots-admin';
fs.mkdirSync(SHOTS, { recursive: true });

async function setMinGap(admin: Page, gap: string) {
  await admin.goto('/settings');
  await hydrated(admin);
  const card = admin.locator('article[data-rule="min_gap"]');
  await card.getByLabel('gap').fill(gap);
  await card.getByRole('button', { name: 'Save min_gap' }).click();
  await expect(admin.getByTestId('rules-outcome')).toHaveText('Saved min_gap.');
}

function campaignUrl(title: string, at: string): string {
  const query = new URLSearchParams({
    title,
    channel: 'email',
    purpose: 'newsletter',
    at,
    stage: 'customer',
  });
  return `/plan?${query}`;
}

function counts(text: string) {
  const m = text.match(/(\d+) recipients: (\d+) without conflicts, (\d+) with warnings only, (\d+) blocked/);
  if (!m) throw new Error(`no counts in ${text}`);
  return { recipients: +m[1], allowed: +m[2], warned: +m[3], blocked: +m[4] };
}

test("an admin shortens min_gap and the planner's conflicts change", { tag: '@both' }, async ({ browser }) => {
  // Each project plans on a day of its own, so that neither crowds the other's recipients.
  const day = new Date(Date.now() + (scripted() ? 95 : 105) * 86_400_000).toISOString().slice(0, 10);
  const mia = await signedIn(browser, 'mia@example.com');
  const ada = await signedIn(browser, 'ada@example.com');

  // The first campaign goes to every customer who may be emailed that day.
  await mia.goto(campaignUrl('Spring letter', `${day}T09:00`));
  const first = counts(await mia.getByTestId('preview-counts').innerText());
  expect(first.recipients).toBeGreaterThan(0);
  await mia.getByRole('button', { name: 'Plan campaign' }).click();
  await expect(mia.getByTestId('campaign-outcome')).toContainText(`${first.recipients} recipients`);

  // An hour later, under the default 4 h, each of them is a min_gap block.
  const second = campaignUrl('Spring letter, again', `${day}T10:00`);
  await mia.goto(second);
  const minGap = mia.locator('li[data-rule="min_gap"]');
  const planned = first.allowed + first.warned;
  await expect(minGap.getByTestId('rule-count')).toHaveText(String(planned));
  const before = counts(await mia.getByTestId('preview-counts').innerText());
  expect(before.blocked).toBeGreaterThanOrEqual(planned);

  try {
    // Ada shortens the gap; the same preview, reloaded, has no min_gap conflict left.
    await setMinGap(ada, '1h');
    await mia.goto(second);
    await expect(mia.getByTestId('preview-counts')).toBeVisible();
    await expect(minGap).toHaveCount(0);
    const after = counts(await mia.getByTestId('preview-counts').innerText());
    expect(after.blocked).toBeLessThan(before.blocked);
    await mia.screenshot({ path: `${SHOTS}/policy-after-min-gap.png`, fullPage: true });
  } finally {
    await setMinGap(ada, '4h');
  }
  // Back at 4 h, min_gap blocks them again.
  await mia.goto(second);
  await expect(minGap.getByTestId('rule-count')).toHaveText(String(planned));
});
