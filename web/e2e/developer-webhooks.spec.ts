// The webhooks story (issue 16, developer settings), by an organization's owner with a real receiver: a local HTTP
// server started here (http://127.0.0.1 is allowed outside production). They add an endpoint for "A challenge is
// published" in the developer settings, see its signing secret once, publish a challenge of the organization (funded
// through the Stripe emulator), find the delivery in the endpoint's log as Delivered (the receiver got it, signed with
// that secret), send it again with Redeliver (by keyboard) and see a second attempt, then delete the endpoint
// (confirmed, by keyboard): its log stays readable, without Redeliver. Each test is one step; a failed step skips the
// rest (serial). Every state is checked (page-checks.ts: axe, layout, headers), and docs/screenshots gets
// developer-webhooks-390.png and developer-webhooks-1440.png (the delivery log).
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { castOf } from './cast';
import { expect, test } from './fixtures';
import { createChallenge, fundAndPublish, reloadUntil, runId, signUp } from './helpers';
import { keepScreenshot } from './page-checks';

test.describe.configure({ mode: 'serial' });

const page = castOf(['owner'] as const);
let run = '';
let organization = '';
/** What the receiver got: each POST's raw body and its Ideagora-Signature header. */
const received: { rawBody: string; signature: string }[] = [];
let server: Server;
let receiverUrl = '';
let signingSecret = '';
let settingsUrl = '';
let logUrl = '';

test.beforeAll(async ({}, testInfo) => {
  run = runId(testInfo.project.name);
  organization = `E2E Hook Labs ${run}`;
  // The partner's receiver (web/e2e cannot import libs/testing's): answers 200 to every POST and records it.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ rawBody: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['ideagora-signature'] ?? '') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});

test.afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** Whether `signature` (t=<seconds>,v1=<hex>) is the HMAC-SHA256 of "<t>.<raw body>" with the secret, as the docs tell receivers to check. */
const signedWith = (secret: string, { rawBody, signature }: { rawBody: string; signature: string }) => {
  const parts = new Map(signature.split(',').map((part) => part.split('=') as [string, string]));
  return parts.get('v1') === createHmac('sha256', secret).update(`${parts.get('t')}.${rawBody}`).digest('hex');
};

/** The delivery log's row of the challenge's publication. */
const publishedRow = () => page('owner').getByRole('row').filter({ hasText: 'A challenge is published' });

test('an owner creates an organization and finds the Webhooks section below the API keys', async ({ checks }) => {
  const owner = page('owner');
  await signUp(owner, 'E2E Hook Owner', `hook-owner-${run}@e2e.test`);
  await owner.goto('/sponsor');
  await owner.getByLabel('Organization name').fill(organization);
  await owner.getByRole('button', { name: 'Create organization' }).click();
  await owner.getByText('Organization created.').waitFor();
  await owner.getByRole('link', { name: `Developer settings of ${organization}` }).click();
  await owner.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
  settingsUrl = owner.url();
  await expect(owner.getByText('No webhook endpoints yet')).toBeVisible();

  // Nothing is sent without an address and an event: both are said by their fields, the focus on the first.
  await owner.waitForLoadState('networkidle');
  await owner.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(owner.getByLabel('Endpoint URL')).toBeFocused();
  await expect(owner.getByText('Choose at least one event to be told about.')).toBeVisible();
  await checks.checkPage(owner, 'developer-webhooks-form-errors');
});

test('adds an endpoint for published challenges and sees its signing secret once', async ({ checks }) => {
  const owner = page('owner');
  await owner.getByLabel('Endpoint URL').fill(receiverUrl);
  await owner.getByRole('checkbox', { name: 'A challenge is published' }).check();
  await owner.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(owner.getByRole('heading', { name: 'Your new webhook endpoint' })).toBeFocused();
  await expect(owner.getByText('Copy the secret now: it will not be shown again.')).toBeVisible();
  const field = owner.getByLabel(`Signing secret of ${receiverUrl}`);
  await expect(field).toHaveAttribute('readonly');
  signingSecret = await field.inputValue();
  expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await checks.checkPage(owner, 'developer-webhooks-secret');

  // After a reload the endpoint is listed, without its secret anywhere in the page.
  await owner.reload();
  const row = owner.getByRole('row').filter({ hasText: receiverUrl });
  await expect(row).toContainText('A challenge is published');
  await expect(row.getByRole('button', { name: `Delete ${receiverUrl}` })).toBeVisible();
  await expect(owner.getByLabel(`Signing secret of ${receiverUrl}`)).toHaveCount(0);
  expect(await owner.content(), 'the signing secret in the page after a reload').not.toContain(signingSecret.slice(6));
  await checks.checkPage(owner, 'developer-webhooks-list');
});

test('publishes a challenge of the organization: the receiver gets it, signed with the secret', async () => {
  const owner = page('owner');
  await createChallenge(owner, `Hooked filter ${run}`, `A challenge whose publication is sent to a webhook, ${run}.`, [['First prize', '300']]);
  await fundAndPublish(owner);
  await expect.poll(() => received.length, { message: 'a delivery reaches the receiver', timeout: 60_000 }).toBeGreaterThan(0);
  const [first] = received;
  const body = JSON.parse(first!.rawBody) as { id: string; type: string; data: unknown };
  expect(body.type).toBe('challenge.published');
  expect(signedWith(signingSecret, first!), 'the delivery’s signature').toBe(true);
});

test('the endpoint’s log lists the delivery as Delivered, with its attempt', async ({ checks }) => {
  const owner = page('owner');
  await owner.goto(settingsUrl);
  await owner.getByRole('link', { name: receiverUrl }).click();
  await owner.getByRole('heading', { level: 1, name: `Deliveries to ${receiverUrl}` }).waitFor();
  logUrl = owner.url();
  await reloadUntil(owner, logUrl, async () => {
    await expect(publishedRow()).toContainText('Delivered', { timeout: 2000 });
  }, 'the delivery is logged as delivered');
  await expect(publishedRow()).toContainText('challenge.published');
  await expect(publishedRow()).toContainText('HTTP 200');
  await publishedRow().getByText('1 attempt').click();
  await expect(publishedRow().getByRole('listitem')).toHaveCount(1);
  await checks.checkPage(owner, 'developer-webhooks-delivered');
});

test('Redeliver (by keyboard) sends it again: a second attempt reaches the receiver and the log', async ({ checks }, testInfo) => {
  const owner = page('owner');
  const before = received.length;
  await owner.waitForLoadState('networkidle');
  await publishedRow().getByRole('button', { name: 'Redeliver' }).focus();
  await owner.keyboard.press('Enter');
  await owner.getByRole('status').filter({ hasText: 'Sent again: the new attempt shows in the log in a moment.' }).waitFor();
  await expect.poll(() => received.length, { message: 'the redelivery reaches the receiver', timeout: 30_000 }).toBeGreaterThan(before);
  const again = JSON.parse(received[before]!.rawBody) as { type: string };
  expect(again.type).toBe('challenge.published');
  await reloadUntil(owner, logUrl, async () => {
    await expect(publishedRow().getByText('2 attempts')).toBeVisible({ timeout: 2000 });
    await expect(publishedRow()).toContainText('Delivered', { timeout: 2000 });
  }, 'the second attempt is logged');
  await publishedRow().getByText('2 attempts').click();
  await expect(publishedRow().getByRole('listitem')).toHaveCount(2);
  await checks.checkPage(owner, 'developer-webhooks');
  const width = testInfo.project.name === 'mobile' ? 390 : 1440;
  keepScreenshot(width, 'developer-webhooks', `developer-webhooks-${width}.png`);
});

test('deletes the endpoint (confirmed, by keyboard): it leaves the list, its log stays readable, without Redeliver', async ({ checks }) => {
  const owner = page('owner');
  await owner.goto(settingsUrl);
  await owner.waitForLoadState('networkidle');
  await owner.getByRole('button', { name: `Delete ${receiverUrl}` }).focus();
  await owner.keyboard.press('Enter');
  await expect(owner.getByRole('heading', { name: `Delete the endpoint ${receiverUrl}?` })).toBeFocused();
  await checks.checkPage(owner, 'developer-webhooks-delete-confirm');
  await owner.keyboard.press('Tab');
  await expect(owner.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
  await owner.keyboard.press('Enter');
  await owner.getByRole('status').filter({ hasText: 'Webhook endpoint deleted: nothing more is sent to it.' }).waitFor();
  // The list has the endpoints in use only; the deleted one's log stays at its address.
  await expect(owner.getByRole('row').filter({ hasText: receiverUrl })).toHaveCount(0);
  await expect(owner.getByText('No webhook endpoints yet')).toBeVisible();
  await checks.checkPage(owner, 'developer-webhooks-deleted');

  await owner.goto(logUrl);
  await expect(owner.getByText('This endpoint is deleted.')).toBeVisible();
  await expect(publishedRow()).toContainText('Delivered');
  await expect(owner.getByRole('button', { name: 'Redeliver' })).toHaveCount(0);
  await checks.checkPage(owner, 'developer-webhooks-deleted-log');
});
