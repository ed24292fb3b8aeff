import { test, expect, Page } from '@playwright/test';
import { PASSWORD, hydrated } from './support';

// The demo company's marketer (see `concord serve --demo`).
const EMAIL = 'mia@example.com';

test('a page without a session redirects to sign-in, and back after signing in (hydrated)', async ({ page }) => {
  await page.goto('/?view=week');
  await expect(page).toHaveURL(/\/sign-in\?next=%2F%3Fview%3Dweek$/);
  await hydrated(page);

  const password = page.getByLabel('Password', { exact: true });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(password).toHaveAttribute('type', 'password');

  await page.getByLabel('Email').fill(EMAIL);
  await password.fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  // The hydrated form answered in place: no reload, no error code in the address.
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect(page.url()).not.toContain('error=');

  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/\?view=week$/);
  await expect(page.getByRole('heading', { name: 'Welcome, Mia Marketer' })).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('Mia Marketer');
  await expect(page.getByRole('banner')).toContainText('marketer');
  await expect(page.getByRole('banner')).toContainText('Corporate marketing');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
});

test('control: with the wasm blocked the page does not hydrate and Show does nothing', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in to Concord' })).toBeVisible();
  const password = page.getByLabel('Password', { exact: true });
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForTimeout(1000);
  await expect(password).toHaveAttribute('type', 'password');
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
});

test.describe('with JavaScript disabled', { tag: '@no-js' }, () => {

  test('the plain form post signs in, and a wrong password says so', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);

    await page.getByLabel('Email').fill('riley@example.com');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/error=invalid/);
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

    await page.getByLabel('Email').fill('riley@example.com');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Welcome, Riley Rep' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Inside sales');
  });
});
