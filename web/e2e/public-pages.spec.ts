// Pages anyone sees before signing in: each checked (headers, axe, layout) and screenshotted at the project's width;
// the challenge page and the header at 390 px; sign-up refused for a taken email.
import { expect, test } from './fixtures';
import { logOut, runId, signUp } from './helpers';

/** The demo data's open challenge (`npm start` creates it). */
const DEMO_TITLE = 'Solar-powered desalination for coastal villages';

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
  await page.getByRole('link', { name: new RegExp(DEMO_TITLE) }).first().click();
  await page.waitForURL(/\/challenges\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: DEMO_TITLE })).toBeVisible();
  await checks.checkPage(page, 'challenge');
});

test('on a phone, the challenge page shows the prize and what to do first, and keeps the call to action at hand', async ({ page, checks }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the first screen of a phone (390 × 844)');
  await page.goto('/challenges?q=desalination');
  await page.getByRole('link', { name: new RegExp(DEMO_TITLE) }).first().click();
  await page.waitForURL(/\/challenges\/[0-9a-f-]+$/);
  await page.waitForLoadState('networkidle');
  const screenHeight = page.viewportSize()!.height;
  const hero = page.getByRole('region', { name: DEMO_TITLE });
  const prize = hero.locator('.fact-prize dd');
  await expect(hero.locator('.fact-prize dt')).toHaveText('Prize pool');
  await expect(prize).toHaveText(/\$[\d,]+/);
  const cta = hero.getByRole('link', { name: /^(Log in to submit|Submit a solution)$/ });
  const brief = page.getByRole('heading', { level: 2, name: 'The brief' });
  const [prizeBox, ctaBox, briefBox] = [await prize.boundingBox(), await cta.boundingBox(), await brief.boundingBox()];
  expect(prizeBox && prizeBox.y + prizeBox.height, 'the prize pool is on the first screen').toBeLessThanOrEqual(screenHeight);
  expect(ctaBox && ctaBox.y + ctaBox.height, 'the call to action is on the first screen').toBeLessThanOrEqual(screenHeight);
  expect(prizeBox!.y, 'the prize pool comes before the brief').toBeLessThan(briefBox!.y);
  expect(ctaBox!.y, 'the call to action comes before the brief').toBeLessThan(briefBox!.y);
  // The sticky call to action: hidden while the hero's is on screen, there once it has scrolled away.
  const sticky = page.getByRole('complementary', { name: 'Take part', includeHidden: true });
  await expect(sticky, 'the sticky call to action at the top').toBeHidden();
  await page.evaluate(() => window.scrollTo(0, 1500));
  await expect(sticky, 'the sticky call to action after scrolling 1500 px').toBeVisible();
  await expect(sticky.getByRole('link', { name: /^(Log in to submit|Submit a solution)$/ })).toBeVisible();
  await checks.checkPage(page, 'challenge-scrolled');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(sticky, 'the sticky call to action back at the top').toBeHidden();
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
  const missing = `${baseURL}/nope`;
  checks.expectedNotFound.add(missing);
  const response = await page.goto(missing);
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle('Page not found — Ideagora');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await checks.checkPage(page, 'not-found');
});

test('the signed-in header, and sign-up with an email that already has an account', async ({ page, checks }, testInfo) => {
  const email = `taken-${runId(testInfo.project.name)}@e2e.test`;
  await signUp(page, 'E2E Taken', email);
  if (testInfo.project.name === 'mobile') {
    // One line of header on a phone: the links fold behind "Menu".
    const header = await page.locator('header.site-header').boundingBox();
    expect(header!.height, 'the signed-in header at 390 px').toBeLessThan(80);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('link', { name: 'My submissions' }), 'the folded menu').toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('link', { name: 'My submissions' })).toBeVisible();
    await checks.checkPage(page, 'menu-open');
  }
  await logOut(page);
  await page.goto('/signup');
  await page.getByLabel('Display name').fill('E2E Taken again');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('another-password-2026');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('An account with this email already exists.').waitFor();
  // What was typed stays (never the password), with the way to log in.
  await expect(page.getByLabel('Email'), 'the email after the refusal').toHaveValue(email);
  await expect(page.getByLabel('Display name'), 'the name after the refusal').toHaveValue('E2E Taken again');
  await expect(page.getByRole('link', { name: 'Log in instead' })).toBeVisible();
  await checks.checkPage(page, 'signup-email-taken');
});
