// Steps several specs take (sign up, create a challenge…) and small readers (a redirect's target, a mailed token).
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const PASSWORD = 'e2e-password-2026';

/** A name unique to this run and project, for titles, emails and search words that must not meet older data. */
export function runId(projectName: string): string {
  return `${Date.now().toString(36)}${projectName.slice(0, 1)}`;
}

export async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await signedIn(page);
}

/** Waits until the header shows the signed-in person (its "Log out" may be folded behind "Menu" at 390 px). */
export async function signedIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out', includeHidden: true }).waitFor({ state: 'attached' });
}

/** Below this width (globals.css: max-width 719.98px) the header menu and the filters are folded. */
const FOLDED_BELOW_PX = 720;

/**
 * Opens what a narrow screen folds behind a disclosure button ("Menu" in the header, "Filters" on browse); does nothing
 * on a wide screen, where the button is hidden and the content always shown.
 */
export async function unfold(page: Page, name: 'Menu' | 'Filters'): Promise<void> {
  if ((page.viewportSize()?.width ?? 1440) >= FOLDED_BELOW_PX) return;
  const button = page.getByRole('button', { name: new RegExp(`^${name}`) });
  // A click before React has hydrated the page does nothing: click again until the disclosure says it is open.
  await expect(async () => {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Logs out through the header (opening the menu first on a phone) and waits for the signed-out header. */
export async function logOut(page: Page): Promise<void> {
  await unfold(page, 'Menu');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('link', { name: 'Log in', exact: true, includeHidden: true }).first().waitFor({ state: 'attached' });
}

/** Goes through the challenge wizard (terms optional; public unless `inviteOnly`); ends on the new draft's page. */
export async function createChallenge(page: Page, title: string, summary: string, prizes: [string, string][], terms?: string, options: { inviteOnly?: boolean } = {}): Promise<void> {
  await page.goto('/sponsor/new-challenge');
  await page.getByLabel('Title').fill(title);
  if (options.inviteOnly) await page.getByLabel('Visibility').selectOption({ label: 'Invite only' });
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Description').fill('Requirements: removes 99% of bacteria. Judged on cost and durability.');
  if (terms) await page.getByLabel('Terms', { exact: true }).fill(terms);
  await page.getByRole('button', { name: 'Next' }).click();
  for (const [i, [label, amount]] of prizes.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add a prize' }).click();
    await page.getByLabel(`Prize ${i + 1} label`).fill(label);
    await page.getByLabel(`Prize ${i + 1} amount (USD)`).fill(amount);
  }
  await page.getByRole('button', { name: 'Next' }).click();
  const d = new Date(Date.now() + 30 * 864e5);
  const pad = (n: number) => String(n).padStart(2, '0');
  await page.getByLabel('Submission deadline').fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T12:00`);
  await page.getByRole('button', { name: 'Create draft challenge' }).click();
  await page.waitForURL(/\/challenges\/[0-9a-f-]+\?created=1/);
}

/**
 * Where a GET of `url` (with the page's cookies) sends the browser: the Location of a 3xx, or, when the page streamed
 * before redirecting (a 200), the URL of the refresh Next.js writes into it (`<meta id="__next-page-redirect">`).
 */
export async function redirectTarget(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url, { maxRedirects: 0 });
  if (response.status() >= 300 && response.status() < 400) return response.headers()['location'] ?? '';
  const html = await response.text();
  const meta = /<meta[^>]*id="__next-page-redirect"[^>]*>/.exec(html)?.[0] ?? /<meta[^>]*http-equiv="refresh"[^>]*>/i.exec(html)?.[0];
  const content = meta && /content="[^"]*?url=([^"]*)"/i.exec(meta)?.[1];
  if (content === undefined || content === null) throw new Error(`${url}: no redirect (${response.status()})`);
  return content.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The signed-in user's id, as their profile page shows it. */
export async function userId(page: Page): Promise<string> {
  await page.goto('/me/profile');
  const id = (await page.locator('#user-id').textContent())?.trim();
  if (!id) throw new Error('no user id on the profile page');
  return id;
}

/** The token of the last reset link mailed to `email`, read from what `npm start` printed (no mail server locally). */
export async function mailedResetToken(email: string): Promise<string> {
  const stackLog = process.env.E2E_STACK_LOG;
  if (!stackLog) throw new Error('the stack was not started by this run: its mail is not visible');
  const mailed = new RegExp(`mail to ${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[\\s\\S]*?/reset-password\\?token=([A-Za-z0-9_-]+)`, 'g');
  let token: string | undefined;
  await expect
    .poll(() => (token = [...readFileSync(stackLog, 'utf8').matchAll(mailed)].pop()?.[1]), { message: 'the reset mail in the stack output', timeout: 20_000 })
    .toBeDefined();
  return token!;
}

/** On a funded-and-unpublished challenge's page: pays the prize pool on the emulator's page, then publishes. */
export async function fundAndPublish(sponsor: Page): Promise<void> {
  await sponsor.waitForLoadState('networkidle');
  await sponsor.getByRole('button', { name: 'Fund prize pool' }).click();
  await sponsor.waitForURL(/\/hosted\/pay\//);
  await sponsor.locator('input[value="pm_card_visa"]').check();
  await sponsor.getByRole('button', { name: /^Pay/ }).click();
  await sponsor.waitForURL(/funding=return/);
  await sponsor.getByRole('button', { name: 'Publish challenge' }).waitFor({ timeout: 60_000 });
  await sponsor.getByRole('button', { name: 'Publish challenge' }).click();
  await sponsor.getByRole('status').filter({ hasText: 'Published: solvers can now find and enter it.' }).waitFor();
}

/** Clicks an action that asks to be confirmed, confirms it, and waits for the page to say it was done. */
export async function confirmed(page: Page, action: string, confirm: string, done: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: action }).click();
  await page.getByRole('button', { name: confirm }).click();
  await page.getByRole('status').filter({ hasText: done }).waitFor();
}

/** Reloads `url` until `check` passes: what another context learns by event (a role, a round, a status) takes a moment. */
export async function reloadUntil(page: Page, url: string, check: () => Promise<void>, message: string): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    await check();
  }, message).toPass({ intervals: [1000, 2000], timeout: 60_000 });
}
