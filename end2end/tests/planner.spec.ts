import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { scripted, signIn } from './support';

// The campaign planner (DESIGN Screens 3) as the demo marketer Mia uses it: preview, each
// rule's recipients a page at a time with block or warn told apart, then plan. Demo touches lie
// within 60 days of today; these campaigns, 80 days out, meet only each other.

function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function describe(page: Page, title: string, at: string) {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Channel').selectOption('email');
  await page.getByLabel('Purpose').selectOption('newsletter');
  await page.getByLabel(/When \(your time/).fill(at);
  await page.getByRole('checkbox', { name: 'customer' }).check();
  await page.getByRole('button', { name: 'Preview' }).click();
}

function counts(text: string) {
  const m = text.match(/(\d+) recipients: (\d+) without conflicts, (\d+) with warnings only, (\d+) blocked/);
  if (!m) throw new Error(`no counts in ${text}`);
  return { recipients: +m[1], allowed: +m[2], warned: +m[3], blocked: +m[4] };
}

test('preview a campaign, then exclude the recipients it would crowd', { tag: '@both' }, async ({ browser }) => {
    const js = scripted();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'mia@example.com');
    const day = dayAhead(js ? 80 : 82);
    await page.goto('/plan');
    if (js) await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');

    // The first send reaches every customer who may be emailed.
    await describe(page, 'Winter letter', `${day}T09:00`);
    const first = counts(await page.getByTestId('preview-counts').innerText());
    expect(first.recipients).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Plan campaign' }).click();
    await expect(page.getByTestId('campaign-outcome')).toContainText(`${first.recipients} recipients`);

    // An hour later, the same audience: everyone just planned breaks the 4 h minimum gap.
    await page.goto('/plan');
    await describe(page, 'Winter letter, again', `${day}T10:00`);
    const second = counts(await page.getByTestId('preview-counts').innerText());
    const minGap = page.locator('li[data-rule="min_gap"]');
    await expect(minGap.getByTestId('rule-count')).toHaveText(String(first.allowed + first.warned));
    await expect(minGap.getByRole('link').first()).toBeVisible();
    expect(second.blocked).toBeGreaterThanOrEqual(first.allowed + first.warned);

    // Each sample says whether the rule blocks or warns; the rest of its hits come a page at a time.
    const crowded = first.allowed + first.warned;
    expect(crowded).toBeGreaterThan(5);
    await expect(minGap.getByTestId('rule-severity')).toHaveText(`blocks ${crowded}`);
    await expect(minGap.locator('ul li').first()).toContainText('blocks');
    await expect(minGap.getByText(`Showing 1 to 5 of ${crowded}.`)).toBeVisible();
    const firstPage = await minGap.locator('ul li').allInnerTexts();
    await minGap.getByRole('link', { name: 'More recipients →' }).click();
    await expect(page).toHaveURL(/rule=min_gap&from=5/);
    await expect(minGap.getByText(`Showing 6 to ${Math.min(10, crowded)} of ${crowded}.`)).toBeVisible();
    expect(await minGap.locator('ul li').allInnerTexts()).not.toEqual(firstPage);
    if (js) await page.screenshot({ path: '/tmp/shots-planner-samples.png', fullPage: true });
    await minGap.getByRole('link', { name: '← Earlier' }).click();
    await expect(minGap.getByText(`Showing 1 to 5 of ${crowded}.`)).toBeVisible();
    await page.getByRole('radio', { name: 'Exclude the blocked recipients' }).check();
    await page.getByRole('button', { name: 'Plan campaign' }).click();
    await expect(page.getByTestId('campaign-outcome')).toContainText(`${second.blocked} excluded`);
    await context.close();
});

test('a bad audience condition is refused with the field named', { tag: '@both' }, async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto(`/plan?title=x&channel=email&purpose=newsletter&at=${dayAhead(84)}T09:00&conditions=age%20%3C`);
  await expect(page.getByTestId('preview-error')).toContainText('audience.conditions');
});

test('a rep may not plan campaigns', async ({ page }) => {
  await signIn(page, 'riley@example.com');
  await expect(page.getByRole('link', { name: 'Planner' })).toHaveCount(0);
  const response = await page.goto('/plan');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText('a rep may not plan campaigns');
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the planner has no axe violations (${viewport.width}px, ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await signIn(page, 'mia@example.com');
      await page.goto(`/plan?title=Look&channel=email&purpose=promotional&at=${dayAhead(1)}T10:00&stage=lead`);
      await expect(page.getByTestId('preview-counts')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
      await page.screenshot({ path: `/tmp/shots-timeline/planner-${viewport.width}-${colorScheme}.png`, fullPage: true });
      await context.close();
    });
  }
}
