import { test, expect } from '@playwright/test';
import { hydrated } from './support';

// The front end's files are named after their content's hash and may be kept for a year; the
// pages that link them are never stored.

test('the script, WebAssembly and stylesheet are hashed and cached as immutable', async ({ page, request }) => {
  const answer = await page.goto('/sign-in');
  expect(answer?.headers()['cache-control']).toBe('no-store');
  const hashed = /^\/pkg\/concord\.[A-Za-z0-9_-]{22}\.(css|js|wasm)$/;
  const links = [
    await page.locator('link#leptos[rel=stylesheet]').getAttribute('href'),
    await page.locator('link[rel=modulepreload]').getAttribute('href'),
    await page.locator('link[rel=preload][as=fetch]').getAttribute('href'),
  ];
  expect(links.map((l) => l?.split('.').pop())).toEqual(['css', 'js', 'wasm']);
  for (const link of links) {
    expect(link).toMatch(hashed);
    const file = await request.get(link!);
    expect(file.ok(), link!).toBeTruthy();
    expect(file.headers()['cache-control'], link!).toBe('public, max-age=31536000, immutable');
  }
  // The page comes to life from the hashed script and WebAssembly.
  await hydrated(page);
});
