// The developer settings story (issue 16, API keys), by an organization's owner: they create the organization, open
// its developer settings from the sponsor dashboard, are told what a key needs, create a key that may read challenges
// and entries, see its secret once (copied to the clipboard, "Copied" said), find the key listed without the secret
// after a reload, use the secret against the gateway as an integration would (Authorization: Bearer), revoke the key in
// the page (confirmed first; copy and revoke by keyboard) and see the same request refused with HTTP 401; a moment later the list says when the key
// was last used (the stack reports uses every API_KEY_USAGE_FLUSH_MS: global-setup sets 1 s). Each test is one step; a
// failed step skips the rest (serial). Every state is checked (page-checks.ts), and docs/screenshots gets
// developer-settings-390.png and developer-settings-1440.png (the listed key).
import { castOf } from './cast';
import { expect, test } from './fixtures';
import { GATEWAY } from './global-setup';
import { reloadUntil, runId, signUp } from './helpers';
import { keepScreenshot } from './page-checks';

test.describe.configure({ mode: 'serial' });

const page = castOf(['owner'] as const);
let run = '';
let organization = '';
let keyName = '';
let settingsUrl = '';
let secret = '';

/** What an integration sends: one query with the key's secret as its bearer token. */
const asIntegration = (token: string) =>
  fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ challenges(first: 1) { edges { node { id } } } }' }),
  });

test.beforeAll(async ({}, testInfo) => {
  run = runId(testInfo.project.name);
  organization = `E2E Dev Labs ${run}`;
  keyName = `CI deploys ${run}`;
});

test('an owner creates an organization and opens its developer settings from the dashboard', async ({ checks }) => {
  const owner = page('owner');
  await signUp(owner, 'E2E Dev Owner', `dev-owner-${run}@e2e.test`);
  await owner.goto('/sponsor');
  await owner.getByLabel('Organization name').fill(organization);
  await owner.getByRole('button', { name: 'Create organization' }).click();
  await owner.getByText('Organization created.').waitFor();
  await owner.getByRole('link', { name: `Developer settings of ${organization}` }).click();
  await owner.getByRole('heading', { level: 1, name: `Developer settings of ${organization}` }).waitFor();
  settingsUrl = owner.url();
  await expect(owner.getByText('No API keys yet')).toBeVisible();
  await checks.checkPage(owner, 'developer-settings-empty');

  // Nothing is sent without a name and a scope: both are said by their fields, the focus on the first.
  await owner.waitForLoadState('networkidle');
  await owner.getByRole('button', { name: 'Create key' }).click();
  await expect(owner.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(owner.getByText('Choose at least one thing the key may do.')).toBeVisible();
  await checks.checkPage(owner, 'developer-settings-form-errors');
});

test('creates a key that may read challenges and entries, and sees its secret once, copied', async ({ checks, baseURL }) => {
  const owner = page('owner');
  await owner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await owner.getByLabel('Name', { exact: true }).fill(keyName);
  await owner.getByRole('checkbox', { name: 'Read challenges' }).check();
  await owner.getByRole('checkbox', { name: 'Read entries' }).check();
  await owner.getByRole('button', { name: 'Create key' }).click();
  await expect(owner.getByRole('heading', { name: `Your new key “${keyName}”` })).toBeFocused();
  await expect(owner.getByText('Copy the secret now: it will not be shown again.')).toBeVisible();
  const field = owner.getByLabel(`Secret of “${keyName}”`);
  await expect(field).toHaveAttribute('readonly');
  secret = await field.inputValue();
  expect(secret).toMatch(/^igk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
  // By keyboard, from the focused heading: the secret's field (which selects it), then Copy.
  await owner.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await owner.keyboard.press('Tab');
  await expect(owner.getByRole('button', { name: 'Copy', exact: true })).toBeFocused();
  await owner.keyboard.press('Enter');
  await expect(owner.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  // The list below already has the key, without its secret.
  await expect(owner.getByRole('row').filter({ hasText: keyName })).toContainText('Read challenges and read entries');
  await checks.checkPage(owner, 'developer-settings-secret');
});

test('after a reload the key is listed, without its secret anywhere in the page', async ({ checks }, testInfo) => {
  const owner = page('owner');
  await owner.reload();
  const row = owner.getByRole('row').filter({ hasText: keyName });
  await expect(row).toContainText('Read challenges and read entries');
  await expect(row).toContainText('Never used');
  await expect(row).toContainText('Active');
  await expect(owner.getByLabel(`Secret of “${keyName}”`)).toHaveCount(0);
  expect(await owner.content(), 'the secret in the page after a reload').not.toContain(secret.slice(4));
  await checks.checkPage(owner, 'developer-settings');
  const width = testInfo.project.name === 'mobile' ? 390 : 1440;
  keepScreenshot(width, 'developer-settings', `developer-settings-${width}.png`);
});

test('the secret works against the gateway, as an integration sends it', async () => {
  await expect(async () => {
    const response = await asIntegration(secret);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { challenges?: { edges?: unknown[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(Array.isArray(body.data?.challenges?.edges)).toBe(true);
  }, 'the key reads challenges').toPass({ intervals: [500, 1000], timeout: 30_000 });
});

test('revokes the key in the page (confirmed first); the same request is then refused with 401', async ({ checks }) => {
  const owner = page('owner');
  await owner.waitForLoadState('networkidle');
  // By keyboard: the confirmation takes the focus, "Yes, revoke" is the next stop.
  await owner.getByRole('button', { name: `Revoke ${keyName}` }).focus();
  await owner.keyboard.press('Enter');
  await expect(owner.getByRole('heading', { name: `Revoke the key “${keyName}”?` })).toBeFocused();
  await checks.checkPage(owner, 'developer-settings-revoke-confirm');
  await owner.keyboard.press('Tab');
  await expect(owner.getByRole('button', { name: 'Yes, revoke' })).toBeFocused();
  await owner.keyboard.press('Enter');
  await owner.getByRole('status').filter({ hasText: 'API key revoked: requests with it are refused from now on.' }).waitFor();
  const row = owner.getByRole('row').filter({ hasText: keyName });
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button')).toHaveCount(0);
  await checks.checkPage(owner, 'developer-settings-revoked');
  expect((await asIntegration(secret)).status, 'a revoked key').toBe(401);
});

test('a moment later the list says when the key was last used', async ({ checks }) => {
  const owner = page('owner');
  await reloadUntil(owner, settingsUrl, async () => {
    await expect(owner.getByRole('row').filter({ hasText: keyName }).locator('td[data-label="Last used"] time')).toBeVisible({ timeout: 2000 });
  }, 'the key’s last use reaches the list');
  await expect(owner.getByRole('row').filter({ hasText: keyName })).not.toContainText('Never used');
  await checks.checkPage(owner, 'developer-settings-last-used');
});
