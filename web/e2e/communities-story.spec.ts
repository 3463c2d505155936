// The communities story, in order, by four people in four browsers: a sponsor gives its organization a public page
// (address, about, website, a brand colour that first fails the contrast check, a logo) and reads it at /o/<slug>;
// it creates, funds and publishes an invite-only challenge and invites two solvers by email from its "Invited
// solvers" card; one of them accepts from the invitations inbox and submits, the other never answers; an uninvited
// solver finds it neither by search nor by its address; the solver who entered asks a question, the sponsor answers
// it on the review page, and the asker sees the bell's count, the notification (which leads back to the answer) and
// the mail. Each test is one step; a failed step skips the rest (serial). Every page is checked (page-checks.ts), and
// docs/screenshots gets organization-page-1440.png, organization-page-390.png and notifications-390.png.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { castOf } from './cast';
import { expect, test } from './fixtures';
import { createChallenge, fundAndPublish, reloadUntil, runId, signUp, unfold } from './helpers';
import { keepScreenshot } from './page-checks';

test.describe.configure({ mode: 'serial' });

let run = '';
let title = '';
let organization = '';
let slug = '';
let challengeUrl = '';
const people = ['sponsor', 'ada', 'bo', 'cy'] as const;
type Who = (typeof people)[number];
const page = castOf(people);
const email = (who: Who) => `${who}-${run}@e2e.test`;
const QUESTION = 'May the filter use locally sourced clay?';

test.beforeAll(async ({}, testInfo) => {
  run = runId(testInfo.project.name);
  title = `Private ${run} clay filter`;
  organization = `E2E Brand Labs ${run}`;
  slug = `e2e-brand-${run}`;
});

test('sponsor brands its organization’s page: a colour too light is refused, a logo uploaded, the page public at /o/<slug>', async ({ checks }, testInfo) => {
  const sponsor = page('sponsor');
  await signUp(sponsor, 'E2E Brand Sponsor', email('sponsor'));
  await sponsor.goto('/sponsor');
  await sponsor.getByLabel('Organization name').fill(organization);
  await sponsor.getByRole('button', { name: 'Create organization' }).click();
  await sponsor.getByText('Organization created.').waitFor();
  await sponsor.getByRole('link', { name: `Public page of ${organization}` }).click();
  await sponsor.getByLabel('Page address').waitFor();
  await sponsor.waitForLoadState('networkidle');

  await sponsor.getByLabel('Page address').fill(slug);
  await sponsor.getByLabel('About').fill('We make clean water affordable for every village.');
  await sponsor.getByLabel('Website').fill('https://brand.example.test');
  // A light yellow: the live check says so as it is typed (the server's refusal is in communities-contract.int-spec).
  await sponsor.getByLabel('Brand colour').fill('#f5d90a');
  await expect(sponsor.locator('.color-verdict-bad')).toContainText('too light: text and buttons in this colour need at least 4.5:1 against white');
  await checks.checkPage(sponsor, 'branding-settings');
  await sponsor.getByLabel('Brand colour').fill('#1a4f9c');
  await expect(sponsor.locator('.color-verdict-ok')).toBeVisible();

  const logo = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 26, g: 79, b: 156 } } }).png().toBuffer();
  await sponsor.getByLabel('Choose a logo').setInputFiles([{ name: 'brand-logo.png', mimeType: 'image/png', buffer: logo }]);
  await sponsor.getByRole('status').filter({ hasText: 'brand-logo.png is ready: save the page to use it.' }).waitFor({ timeout: 60_000 });
  await sponsor.getByRole('button', { name: 'Save page' }).click();
  await sponsor.getByRole('link', { name: `/o/${slug}` }).waitFor();
  await expect(sponsor.getByRole('img', { name: `Current logo of ${organization}` })).toBeVisible();

  // Anyone reads it (the sponsor, signed in, is as good a reader as anyone here).
  await sponsor.goto(`/o/${slug}`);
  await sponsor.getByRole('heading', { level: 1, name: organization }).waitFor();
  await expect(sponsor.getByText('We make clean water affordable for every village.')).toBeVisible();
  await expect(sponsor.getByRole('img', { name: `${organization} logo` })).toBeVisible();
  await checks.checkPage(sponsor, 'organization-page');
  const width = testInfo.project.name === 'mobile' ? 390 : 1440;
  keepScreenshot(width, 'organization-page', `organization-page-${width}.png`);
});

test('sponsor creates, funds and publishes an invite-only challenge, and invites two solvers', async ({ checks }) => {
  const sponsor = page('sponsor');
  await createChallenge(sponsor, title, `Clay filters for village wells, ${run}.`, [['First prize', '500']], undefined, { inviteOnly: true });
  challengeUrl = sponsor.url().split('?')[0]!;
  await fundAndPublish(sponsor);

  const card = sponsor.getByRole('region', { name: 'Invited solvers' });
  await sponsor.waitForLoadState('networkidle');
  await card.getByLabel('Solvers’ email addresses').fill(`${email('ada')}, ${email('bo')}`);
  await card.getByRole('button', { name: 'Send invitations' }).click();
  await card.getByText(`2 invitations sent to ${email('ada')}, ${email('bo')}.`, { exact: false }).waitFor();
  await expect(card.getByRole('row').filter({ hasText: email('bo') })).toContainText('Waiting for an answer');
  await checks.checkPage(sponsor, 'invite-only-challenge-sponsor');
});

test('one invited solver accepts from the inbox and submits; the other does not answer', async ({ checks }) => {
  const ada = page('ada');
  await ada.goto('/judging/invitations');
  await ada.waitForURL(/\/login\?next=%2Fjudging%2Finvitations/);
  await signUp(ada, 'E2E Ada', email('ada'));
  // The new account's address reaches the challenges context by event: the invitation shows a moment later.
  await reloadUntil(ada, '/judging/invitations', async () => {
    await expect(ada.getByRole('row').filter({ hasText: title })).toBeVisible({ timeout: 2000 });
  }, 'the invitation waits in the inbox');
  await ada.getByRole('heading', { level: 1, name: 'Challenge invitations' }).waitFor();
  const row = ada.getByRole('row').filter({ hasText: title });
  // Before accepting, the summary is shown and the challenge is not yet a link (it is not open to her yet).
  await expect(row).toContainText(`Clay filters for village wells, ${run}.`);
  await expect(row.getByRole('link', { name: title })).toHaveCount(0);
  await checks.checkPage(ada, 'challenge-invitations');
  await ada.waitForLoadState('networkidle');
  await row.getByRole('button', { name: `Accept to take part in ${title}` }).click();
  // Accepting leads straight to the challenge, now open to her.
  await ada.waitForURL((url) => url.href.startsWith(challengeUrl));
  await ada.getByRole('status').filter({ hasText: 'Invitation accepted: you can take part in this challenge.' }).waitFor();
  await ada.getByRole('heading', { level: 1, name: title }).waitFor();
  await ada.waitForLoadState('networkidle');
  await expect(async () => {
    await ada.getByLabel('Solution title').fill(`Fired clay pot ${run}`);
    await ada.getByLabel('Solution', { exact: true }).fill('A pot of local clay and sawdust, fired once, filters 99% of bacteria.');
    await ada.getByRole('button', { name: 'Submit solution' }).click();
    await expect(ada.getByText('Submitted: version 1 of your solution is sealed for the sponsor.')).toBeVisible({ timeout: 5000 });
  }, 'the participant may submit').toPass({ intervals: [2000], timeout: 60_000 });
  await checks.checkPage(ada, 'invite-only-challenge-participant');
  await ada.goto('/judging/invitations');
  await expect(ada.getByRole('table', { name: 'Invite-only challenges open to you' }).getByRole('link', { name: title })).toHaveAttribute('href', new URL(challengeUrl).pathname);

  const bo = page('bo');
  await signUp(bo, 'E2E Bo', email('bo'));
  // Invited but not accepted: the inbox, not the challenge.
  await bo.goto(challengeUrl);
  await bo.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
});

test('an uninvited solver finds it neither by search nor by its address', async ({ checks }) => {
  const cy = page('cy');
  await signUp(cy, 'E2E Cy', email('cy'));
  await cy.goto('/challenges');
  await unfold(cy, 'Filters');
  await cy.getByLabel('Search').fill(run);
  await cy.getByLabel('Search').press('Enter');
  await cy.waitForURL(/[?&]q=/);
  await expect(cy.getByRole('link', { name: title })).toHaveCount(0);
  checks.expectedNotFound.add(challengeUrl);
  await cy.goto(challengeUrl);
  await cy.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await expect(cy.getByText(title)).toHaveCount(0);
  await checks.checkPage(cy, 'invite-only-not-found');
});

test('the participant asks a question; the sponsor answers it on the review page', async () => {
  const ada = page('ada');
  await ada.goto(challengeUrl);
  await ada.waitForLoadState('networkidle');
  await ada.getByLabel('Your question').fill(QUESTION);
  await ada.getByRole('button', { name: 'Ask the sponsor' }).click();
  await ada.getByRole('status').filter({ hasText: 'Question sent.' }).waitFor();
  await ada.getByRole('region', { name: 'Questions and answers' }).getByText(QUESTION).waitFor();

  const sponsor = page('sponsor');
  await reloadUntil(sponsor, `${challengeUrl}/review`, async () => {
    await expect(sponsor.getByRole('heading', { name: QUESTION })).toBeVisible({ timeout: 2000 });
  }, 'the question reaches the sponsor');
  await sponsor.waitForLoadState('networkidle');
  const form = sponsor.getByRole('form', { name: QUESTION });
  await form.getByLabel('Answer').fill('Yes: any clay that passes the lead test in the brief.');
  await form.getByRole('button', { name: 'Save answer' }).click();
  await sponsor.getByRole('status').filter({ hasText: 'Answer saved.' }).waitFor();
});

test('the asker sees the bell’s count and the notification, which leads to the answer, and got the mail', async ({ checks }, testInfo) => {
  const ada = page('ada');
  const notificationTitle = `Your question about “${title}” was answered`;
  await reloadUntil(ada, '/', async () => {
    await expect(ada.getByRole('link', { name: /^Notifications, \d+ unread$/, includeHidden: true })).toBeAttached({ timeout: 2000 });
    await ada.goto('/me/notifications');
    await expect(ada.getByRole('button', { name: notificationTitle })).toBeVisible({ timeout: 2000 });
  }, 'the answer’s notification arrives');
  await ada.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await checks.checkPage(ada, 'notifications');
  if (testInfo.project.name === 'mobile') keepScreenshot(390, 'notifications', 'notifications-390.png');
  await ada.waitForLoadState('networkidle');
  await ada.getByRole('button', { name: notificationTitle }).click();
  await ada.waitForURL(`${challengeUrl}#questions`);
  await expect(ada.getByText('Yes: any clay that passes the lead test in the brief.')).toBeVisible();

  // No mail server locally: the mail is printed in the stack's output, which this run captured.
  const stackLog = process.env.E2E_STACK_LOG;
  test.skip(!stackLog, 'the stack was not started by this run: its mail is not visible');
  const mailed = `mail to ${email('ada')}: ${notificationTitle}`;
  await expect.poll(() => readFileSync(stackLog!, 'utf8').includes(mailed), { message: 'the answer’s mail in the stack output', timeout: 30_000 }).toBe(true);
});

test('the participant makes her profile public with a skill; her page, the leaderboard by that skill and her recommendations pass the checks', async ({ checks }) => {
  const ada = page('ada');
  const skill = `clay-${run}`;
  await ada.goto('/me/profile');
  await ada.waitForLoadState('networkidle');
  await ada.getByLabel('Add a skill').fill(skill);
  await ada.getByLabel('Add a skill').press('Enter');
  await expect(ada.getByRole('button', { name: `Remove ${skill}` })).toBeVisible();
  await ada.getByLabel('Everyone (public)').check();
  await ada.getByRole('button', { name: 'Save profile' }).click();
  await ada.getByText('Profile saved. It is public: anyone can see it.').waitFor();
  await checks.checkPage(ada, 'profile-editor');

  await ada.getByRole('link', { name: 'See your profile as others see it' }).click();
  await ada.getByRole('heading', { level: 1, name: 'E2E Ada' }).waitFor();
  await expect(ada.getByText(skill)).toBeVisible();
  await checks.checkPage(ada, 'public-profile');

  // Her entry counts once the reputation read model has it: she leads the leaderboard of her own skill.
  await reloadUntil(ada, `/leaderboard?skill=${encodeURIComponent(skill)}`, async () => {
    await expect(ada.getByRole('table').getByRole('link', { name: 'E2E Ada', exact: true })).toBeVisible({ timeout: 2000 });
  }, 'her reputation reaches the leaderboard');
  await ada.getByRole('heading', { level: 1, name: 'Leaderboard' }).waitFor();
  await checks.checkPage(ada, 'leaderboard');

  await ada.goto('/');
  await ada.getByRole('heading', { name: 'Recommended for you' }).waitFor();
  await checks.checkPage(ada, 'home-recommendations');
});
