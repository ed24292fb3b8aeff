import { test, expect, Page } from '@playwright/test';
import { expectNoViolations } from './support';

// Every page passes axe-core with zero violations, in light and dark, on a laptop and a phone.
const viewports = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`sign-in and home have no axe violations (${viewport.name}, ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await page.goto('/sign-in?error=invalid');
      await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
      await expectNoViolations(page);

      await page.getByLabel('Email').fill('max@example.com');
      await page.getByLabel('Password', { exact: true }).fill('concord-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Welcome, Max Manager' })).toBeVisible();
      await expectNoViolations(page);
      await context.close();
    });
  }
}
