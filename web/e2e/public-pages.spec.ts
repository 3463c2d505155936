// Pages anyone sees before signing in: each checked (headers, axe, layout) and screenshotted at the project's width.
import { expect, test } from './fixtures';

test('home shows open challenges', async ({ page, checks }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checks.checkPage(page, 'home');
});

test('browse lists challenges', async ({ page, checks }) => {
  await page.goto('/challenges');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checks.checkPage(page, 'browse');
});

test('a challenge page, signed out', async ({ page, checks }) => {
  // A challenge of the demo data `npm start` creates.
  await page.goto('/challenges?q=desalination');
  await page.getByRole('link', { name: /Solar-powered desalination for coastal villages/ }).first().click();
  await page.waitForURL(/\/challenges\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Solar-powered desalination for coastal villages' })).toBeVisible();
  await checks.checkPage(page, 'challenge');
});

test('log-in, sign-up and forgotten-password forms', async ({ page, checks }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await checks.checkPage(page, 'login');
  await page.goto('/signup');
  await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();
  await checks.checkPage(page, 'signup');
  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await checks.checkPage(page, 'forgot-password');
});

test('a page that does not exist', async ({ page, checks, baseURL }) => {
  const missing = `${baseURL}/no-such-page`;
  checks.expectedNotFound.add(missing);
  const response = await page.goto(missing);
  expect(response?.status()).toBe(404);
  await checks.checkPage(page, 'not-found');
});
