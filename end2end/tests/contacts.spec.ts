import { test, expect, Page, Browser } from '@playwright/test';
import * as fs from 'node:fs';
import { expectNoViolations, hydrated, scripted, signIn } from './support';

// The contacts screen: search and filter, edit, import with a per-line report, export, axe, and
// the list and edit form with JavaScript off. Signed in as the demo company's marketer.
const SHOTS = '/tmp/shots-contacts';

/// A CSV with two good rows (lines 2 and 5) and two bad ones (lines 3 and 4).
function mixedCsv(family: string) {
  return [
    'name,email,timezone,stage,external_id',
    `Zoe ${family},zoe.${family.toLowerCase()}@example.com,Europe/Paris,lead,${family}-1`,
    `Bad ${family},not-an-email,UTC,lead,${family}-2`,
    `Odd ${family},odd.${family.toLowerCase()}@example.com,Mars/Base,lead,${family}-3`,
    `Zack ${family},zack.${family.toLowerCase()}@example.com,UTC,customer,${family}-4`,
  ].join('\n');
}

async function upload(page: Page, csv: string, partial: boolean) {
  await page.goto('/contacts/import');
  await page.getByLabel('CSV file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  if (partial) await page.getByLabel('Import the good rows').check();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/contacts\/import\?report=\d+$/);
}

/// Imports two good contacts named "Zoe <family>" (lead, Paris) and "Zack <family>" (customer).
async function importFamily(page: Page, family: string) {
  await upload(page, mixedCsv(family), true);
  await expect(page.getByTestId('import-headline')).toContainText('Imported 2 of 4 rows');
}

test('a CSV with bad rows imports nothing and lists each line, then the good rows import on request', async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto('/contacts/import');
  await hydrated(page);
  await upload(page, mixedCsv('Quill'), false);
  await expect(page.getByTestId('import-headline')).toContainText('Nothing was imported: 2 of 4 rows are bad.');
  const rows = page.getByTestId('rejected-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('3');
  await expect(rows.nth(0)).toContainText('email');
  await expect(rows.nth(1)).toContainText('4');
  await expect(rows.nth(1)).toContainText('Mars/Base');
  await page.screenshot({ path: `${SHOTS}/import-refused.png`, fullPage: true });
  await page.goto('/contacts?q=zoe+quill');
  await expect(page.getByTestId('empty-state')).toBeVisible();

  await upload(page, mixedCsv('Quill'), true);
  await expect(page.getByTestId('import-headline')).toContainText('Imported 2 of 4 rows; 2 rows skipped');
  await expect(page.getByTestId('rejected-row')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/import-partial.png`, fullPage: true });
  await page.goto('/contacts?q=zoe+quill');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
});

test('importing a file again updates the contacts it matches instead of adding duplicates', { tag: '@no-js' }, async ({ browser }) => {
  // Without JavaScript: the upload is a plain form post.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'mia@example.com');
  await importFamily(page, 'Rowan');
  const again = [
    'name,email,timezone,stage,external_id',
    'Zoe Rowan-Hart,,,,Rowan-1',
    'Zack Rowan,zack.rowan@example.com,,,',
    'Yves Rowan,yves.rowan@example.com,UTC,lead,Rowan-5',
  ].join('\n');
  await upload(page, again, false);
  await expect(page.getByTestId('import-headline')).toHaveText('Created 1 contact, updated 1 and left 1 unchanged.');
  await page.screenshot({ path: `${SHOTS}/import-again.png`, fullPage: true });
  await page.goto('/contacts?q=zoe+rowan');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row')).toContainText('Zoe Rowan-Hart');
  await page.goto('/contacts?q=zack+rowan');
  await expect(page.getByTestId('contact-row')).toHaveCount(1, { timeout: 2_000 });
  await page.goto('/contacts?q=yves+rowan');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await context.close();
});

test('search and filters narrow the list and stay in the URL; the export link carries them', { tag: '@both' }, async ({ page }) => {
  // Each project imports a family of its own.
  const family = scripted() ? 'Marsh' : 'Quarry';
  const low = family.toLowerCase();
  await signIn(page, 'mia@example.com');
  await importFamily(page, family);
  await page.goto('/contacts');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await expect(page.getByTestId('contact-row')).toHaveCount(50);
  await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/after=\d+/);
  await expect(page.getByRole('link', { name: '← Previous' })).toBeVisible();

  await page.getByLabel('Search').fill(`zack ${low}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=zack\\+${low}|q=zack%20${low}`));
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-count')).toHaveText('1 contact matches');

  // Any part of a name or email: the middle of "Zack <family>", then the family's emails.
  await page.getByLabel('Search').fill(`ACK ${family.slice(0, 4)}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row')).toContainText(`Zack ${family}`);
  await page.getByLabel('Search').fill(`.${low}@example`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('contact-row')).toHaveCount(2);
  await expect(page.getByTestId('contact-count')).toHaveText('2 contacts match');

  await page.getByLabel('Search').fill(`${family}-1`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expect(page.getByTestId('contact-row')).toContainText(`Zoe ${family}`);

  await page.goto('/contacts?q=z');
  await page.getByLabel('Stage').selectOption('customer');
  await page.getByLabel('Time zone').fill('UTC');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/stage=customer/);
  await expect(page).toHaveURL(/timezone=UTC/);
  await expect(page.getByTestId('contact-row').filter({ hasText: `Zack ${family}` })).toHaveCount(1);
  await expect(page.getByTestId('contact-row').filter({ hasText: `Zoe ${family}` })).toHaveCount(0);

  const href = await page.getByTestId('export-link').getAttribute('href');
  expect(href).toMatch(/^\/contacts\/export\.csv\?/);
  expect(href).toContain('stage=customer');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-link').click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^external_id,name,email,phone,address,timezone,stage,/);
  expect(csv).toContain(`Zack ${family}`);
  expect(csv).not.toContain(`Zoe ${family}`);

  await page.goto('/contacts?q=nobody+has+this+name');
  await expect(page.getByTestId('empty-state')).toContainText('No contacts found');
  await page.goto('/contacts?timezone=Mars/Base');
  await expect(page.getByRole('alert')).toContainText('timezone');
});

test('editing a contact saves its name, phone, stage, zone and consent, and refuses an unknown zone (hydrated)', async ({ page }) => {
  // Turning consent on is for managers and admins.
  await signIn(page, 'max@example.com');
  await importFamily(page, 'Birch');
  await page.goto('/contacts?q=zoe+birch');
  await page.getByRole('link', { name: 'Edit Zoe Birch' }).click();
  await expect(page.getByRole('heading', { name: 'Edit Zoe Birch' })).toBeVisible();
  await hydrated(page);

  await page.getByLabel('Time zone').fill('Mars/Base');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('timezone-error')).toContainText('Mars/Base');
  await expect(page.getByTestId('form-error')).toContainText('Nothing was saved');
  await page.screenshot({ path: `${SHOTS}/edit-error.png`, fullPage: true });

  await page.getByLabel('Time zone').fill('America/Chicago');
  await page.getByRole('textbox', { name: 'Phone' }).fill('call me maybe');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-error')).toContainText('Nothing was saved');
  await expect(page.getByTestId('form-error')).toContainText('phone');

  await page.getByLabel('Name (required)').fill('Zoe Birch-Lane');
  await page.getByRole('textbox', { name: 'Phone' }).fill('+1 312 555 0142');
  await page.getByLabel('Stage').selectOption('opportunity');
  await page.getByLabel('SMS').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Saved.');
  await expect(page.getByLabel('Stage')).toHaveValue('opportunity');
  await expect(page.getByRole('heading', { name: 'Edit Zoe Birch-Lane' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveValue(/312/);
  await page.goto('/contacts?q=zoe+birch');
  await expect(page.getByTestId('contact-row')).toContainText('Zoe Birch-Lane');
  await expect(page.getByTestId('contact-stage')).toHaveText('opportunity');
  await expect(page.getByTestId('contact-row')).toContainText('America/Chicago');
  await expect(page.getByTestId('contact-row')).toContainText('sms');
});

test('a new contact is added with the form; a refusal keeps what was typed', { tag: '@both' }, async ({ page }) => {
  const who = scripted() ? 'Nora Newfield' : 'Nina Newfield';
  await signIn(page, 'mia@example.com');
  await page.goto('/contacts/new');
  await hydrated(page);
  await page.getByLabel('Name (required)').fill(who);
  await page.getByRole('textbox', { name: 'Email' }).fill(`${who.split(' ')[0].toLowerCase()}@example.com`);
  await page.getByLabel('Stage').selectOption('lead');
  await page.getByLabel('SMS').check();
  await page.getByLabel('Time zone (required)').fill('Nowhere/Land');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByTestId('form-error')).toContainText('timezone');
  // Nothing typed is lost, with or without JavaScript.
  await expect(page.getByLabel('Name (required)')).toHaveValue(who);
  await expect(page.getByLabel('Stage')).toHaveValue('lead');
  await expect(page.getByLabel('SMS')).toBeChecked();
  await expect(page.getByLabel('Time zone (required)')).toHaveValue('Nowhere/Land');
  await page.getByLabel('Time zone (required)').fill('Europe/Berlin');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('heading', { name: `Edit ${who}` })).toBeVisible();
  await expect(page.getByTestId('saved')).toHaveText('Contact added.');
});

test('the list and the edit form work with JavaScript off', { tag: '@no-js' }, async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'mia@example.com');
  await importFamily(page, 'Hazel');
  await page.goto('/contacts');
  await page.getByLabel('Search').fill('zoe hazel');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await page.getByRole('link', { name: 'Edit Zoe Hazel' }).click();

  await page.getByLabel('Time zone').fill('Mars/Base');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/__err=/);
  await expect(page.getByTestId('timezone-error')).toContainText('Mars/Base');
  await expect(page.getByTestId('form-error')).toContainText('Nothing was saved');
  // The refused form keeps what was typed; the zone is put right.
  await expect(page.getByLabel('Time zone')).toHaveValue('Mars/Base');
  await page.getByLabel('Time zone').fill('Europe/Paris');

  await page.getByLabel('Stage').selectOption('customer');
  await page.getByRole('textbox', { name: 'Email' }).fill('zoe.hazel@example.org');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/saved=2/);
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.hazel@example.org');
  await expect(page.getByTestId('saved')).toHaveText('Saved.');
  await expect(page.getByLabel('Stage')).toHaveValue('customer');
  await page.goto('/contacts?q=zoe+hazel&stage=customer');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/list-nojs.png`, fullPage: true });
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a contact found by the end of its phone shows that phone under its name', { tag: '@both' }, async ({ page }) => {
    await signIn(page, 'riley@example.com');
    await page.goto('/contacts');
    // The demo's first contact with a phone; its number is read off the list.
    const phone = (await page.getByTestId('contact-reach').filter({ hasText: /^\+/ }).first().textContent())!.trim();
    const end = phone.replace(/\D/g, '').slice(-6);
    await page.goto(`/contacts?q=${end}`);
    const shown = page.getByTestId('contact-reach').filter({ hasText: phone }).first();
    await shown.scrollIntoViewIfNeeded();
    // Within the screen's width: read without scrolling the table sideways.
    const box = (await shown.boundingBox())!;
    expect(box.width).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expect(page.getByRole('columnheader', { name: 'Phone' })).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/phone-search-phone.png`, fullPage: true });
  });
});

test('on a laptop the email and phone are only in their columns', async ({ page }) => {
  await signIn(page, 'riley@example.com');
  await page.goto('/contacts');
  await expect(page.getByTestId('contact-row').first()).toBeVisible();
  expect(await page.getByTestId('contact-reach').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('contact-reach').first()).toBeHidden();
  await expect(page.getByRole('columnheader', { name: 'Phone' })).toBeVisible();
});

const viewports = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

async function axeEveryPage(browser: Browser, viewport: { name: string; width: number; height: number }, colorScheme: 'light' | 'dark') {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  await signIn(page, 'mia@example.com');
  const shot = async (name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}-${viewport.name}-${colorScheme}.png`, fullPage: true });
  await upload(page, mixedCsv(`Axe${viewport.name}${colorScheme}`), false);
  await expectNoViolations(page);
  await shot('import');
  await page.goto('/contacts?stage=lead');
  await hydrated(page);
  await expectNoViolations(page);
  await shot('list');
  await page.goto('/contacts?q=nobody+has+this+name');
  await expectNoViolations(page);
  await page.getByRole('link', { name: /^Edit / }).first().waitFor({ state: 'detached' });
  await page.goto('/contacts?stage=lead');
  await page.getByRole('link', { name: /^Edit / }).first().click();
  await expect(page.getByRole('heading', { name: /^Edit / })).toBeVisible();
  await expectNoViolations(page);
  await shot('edit');
  await page.goto('/contacts/new');
  await expectNoViolations(page);
  await shot('new');
  await context.close();
}

for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`contacts pages have no axe violations (${viewport.name}, ${colorScheme})`, async ({ browser }) => {
      await axeEveryPage(browser, viewport, colorScheme);
    });
  }
}

test('while a file uploads, the import page says which and how big', async ({ page }) => {
  await signIn(page, 'mia@example.com');
  await page.goto('/contacts/import');
  await hydrated(page);
  // Hold the post in the page, so what it says while waiting stays on screen.
  await page.evaluate(() => document.addEventListener('submit', (e) => e.preventDefault()));
  await page.getByLabel('CSV file').setInputFiles({ name: 'slow.csv', mimeType: 'text/csv', buffer: Buffer.from(mixedCsv('Slow')) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('progress')).toContainText('Importing slow.csv (1 KB)… a file of a million contacts takes about half a minute.');
  await expect(page.getByTestId('progress').locator('progress')).toBeVisible();
});
