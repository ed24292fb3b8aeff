import { test, expect, Page, Browser } from '@playwright/test';
import { expectNoViolations, signIn } from './support';

// The contact timeline and its plan form (DESIGN Screens 2), as the demo rep Riley sees them.
// Riley reads times in America/New_York; demo touches lie within 60 days of today, so the
// plans below, 75 days out, meet an empty ledger.

function dayAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

// A demo contact who may be emailed: consent given, not on do-not-contact. Each test takes its
// own, so plans from one test never meet another's.
async function emailableContact(page: Page, skip: number): Promise<number> {
  let found = 0;
  for (let id = 1; id <= 300; id++) {
    await page.goto(`/contacts/${id}`);
    const consent = await page.getByRole('list', { name: 'Consent' }).innerText();
    const dnc = await page.getByText('Do not contact').count();
    if (/email: yes/.test(consent) && dnc === 0 && found++ === skip) return id;
  }
  throw new Error('no emailable demo contact');
}

async function planEmail(page: Page, at: string, title: string) {
  await page.getByLabel('Channel', { exact: true }).selectOption('email');
  await page.getByLabel('Purpose').selectOption('relationship');
  await page.getByLabel(/When \(your time/).fill(at);
  await page.getByLabel('Title').fill(title);
}

test('a conflicting touch is explained before saving, and the next allowed slot is one click away', async ({ page }) => {
  await signIn(page, 'riley@example.com');
  const id = await emailableContact(page, 0);
  await page.goto(`/contacts/${id}`);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const day = dayAhead(75);

  await planEmail(page, `${day}T10:00`, 'Check-in');
  await expect(page.getByTestId('check-decision')).toHaveAttribute('data-decision', 'allow');
  await page.getByRole('button', { name: 'Plan touch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is planned.' })).toHaveText('“Check-in” is planned.');

  // An hour later breaks the 4 h minimum gap: the form says so before anything is saved.
  await planEmail(page, `${day}T11:00`, 'Too soon');
  const report = page.getByTestId('check-report');
  await expect(page.getByTestId('check-decision')).toHaveAttribute('data-decision', 'block');
  await expect(report.locator('li[data-rule="min_gap"]')).toContainText('Less than 4 h from Inside sales email');
  await expect(page.getByTestId('next-allowed')).toContainText('14:00');
  await expect(page.locator('#touch-list li', { hasText: 'Too soon' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Take the next allowed slot' }).click();
  await expect(page.getByLabel(/When \(your time/)).toHaveValue(`${day}T14:00`);
  await expect(page.getByTestId('check-decision')).not.toHaveAttribute('data-decision', 'block');
  await page.getByRole('button', { name: 'Plan touch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is planned.' })).toHaveText('“Too soon” is planned.');
  await page.goto(`/contacts/${id}?from=${dayAhead(60)}`);
  await expect(page.locator('li', { hasText: 'Too soon' }).getByText('planned')).toBeVisible();
});

test('without JavaScript the timeline reads, the check runs on the server and the form plans', { tag: '@no-js' }, async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'riley@example.com');
  const id = await emailableContact(page, 1);
  const day = dayAhead(76);
  await page.goto(`/contacts/${id}`);
  await expect(page.getByRole('heading', { name: 'Touches by channel' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Past and planned' })).toBeVisible();

  await planEmail(page, `${day}T09:00`, 'First');
  await page.getByRole('button', { name: 'Plan touch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is planned.' })).toHaveText('“First” is planned.');

  await planEmail(page, `${day}T10:00`, 'Second');
  await page.getByRole('button', { name: 'Check conflicts' }).click();
  await expect(page.getByTestId('check-decision')).toHaveAttribute('data-decision', 'block');
  await expect(page.locator('li[data-rule="min_gap"]')).toBeVisible();
  await page.getByRole('button', { name: 'Take the next allowed slot' }).click();
  await expect(page.getByLabel(/When \(your time/)).toHaveValue(`${day}T13:00`);
  await expect(page.getByTestId('check-decision')).not.toHaveAttribute('data-decision', 'block');
  await expect(page.getByLabel('Title')).toHaveValue('Second');
  await page.getByRole('button', { name: 'Plan touch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is planned.' })).toHaveText('“Second” is planned.');

  // A bad title comes back as an error in place of the form, and nothing is saved.
  await page.getByLabel('Title').fill('   ');
  await page.getByRole('button', { name: 'Plan touch' }).click();
  await expect(page.getByRole('alert')).toContainText('title');
  await context.close();
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the timeline has no axe violations (${viewport.width}px, ${colorScheme})`, async ({ browser }: { browser: Browser }) => {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await signIn(page, 'riley@example.com');
      await page.goto('/contacts/1');
      await expect(page.getByTestId('check-decision')).toBeVisible();
      await expectNoViolations(page);
      await page.screenshot({ path: `/tmp/shots-timeline/timeline-${viewport.width}-${colorScheme}.png`, fullPage: true });
      await context.close();
    });
  }
}
