// The team story, in order, by four people in four browsers: a sponsor creates, funds (the Stripe emulator's payment
// page) and publishes a challenge of one prize; three solvers sign up; one creates a team from the challenge page and
// invites the two others by email; they accept from /teams/invitations (the mail's link; signing in first brings
// them back there); the team agrees a 50/30/20 split (a submission before everyone agrees is refused, in words); a
// member submits as the team; the sponsor closes submissions, sees the team and its members on the review page and
// awards the prize to the team's submission; two members set up payouts and are paid their part, the third's part
// stays held until they set up payouts too. Each test is one step; a failed step skips the rest (serial). Every page
// and state shown is checked (page-checks.ts).
import { castOf } from './cast';
import { expect, test } from './fixtures';
import { createChallenge, runId, signUp, confirmed, fundAndPublish } from './helpers';

test.describe.configure({ mode: 'serial' });

let run = '';
let title = '';
let team = '';
let challengeUrl = '';
const PRIZE = '$1,000.00';
const people = ['sponsor', 'ada', 'bo', 'cy'] as const;
type Who = (typeof people)[number];
const NAMES: Record<Exclude<Who, 'sponsor'>, string> = { ada: 'E2E Ada', bo: 'E2E Bo', cy: 'E2E Cy' };
const page = castOf(people);
const email = (who: Who) => `${who}-${run}@e2e.test`;
const teamUrl = () => `${challengeUrl}/team`;

test.beforeAll(async ({}, testInfo) => {
  run = runId(testInfo.project.name);
  title = `Team ${run} solar dryer`;
  team = `Crew ${run}`;
});

test('sponsor creates, funds and publishes a challenge of one prize', async () => {
  const sponsor = page('sponsor');
  await signUp(sponsor, 'E2E Team Sponsor', email('sponsor'));
  await sponsor.goto('/sponsor');
  await sponsor.getByLabel('Organization name').fill(`E2E Team Labs ${run}`);
  await sponsor.getByRole('button', { name: 'Create organization' }).click();
  await sponsor.getByText('Organization created.').waitFor();
  await createChallenge(sponsor, title, `Dry mangoes with the sun, ${run}.`, [['First prize', '1000']]);
  challengeUrl = sponsor.url().split('?')[0]!;
  await sponsor.getByText(`${PRIZE} in total`).waitFor();
  await fundAndPublish(sponsor);
});

test('three solvers sign up; one creates a team from the challenge page', async ({ checks }) => {
  await signUp(page('ada'), NAMES.ada, email('ada'));
  await signUp(page('bo'), NAMES.bo, email('bo'));
  const ada = page('ada');
  await ada.goto(challengeUrl);
  const enter = ada.getByRole('form', { name: 'Enter as a team' });
  await enter.waitFor();
  await checks.checkPage(ada, 'team-enter');
  // The name is required: checked in the page, nothing sent.
  await ada.waitForLoadState('networkidle');
  await enter.getByRole('button', { name: 'Create team' }).click();
  await enter.getByText('Enter a name for your team.').waitFor();
  await enter.getByLabel('Team name').fill(team);
  await enter.getByRole('button', { name: 'Create team' }).click();
  await ada.waitForURL((u) => u.pathname === new URL(teamUrl()).pathname);
  await ada.getByRole('status').filter({ hasText: 'Team created.' }).waitFor();
  await ada.getByRole('heading', { level: 1, name: `Team ${team}` }).waitFor();
  await expect(ada.getByRole('region', { name: 'Prize split' }), 'the creator starts with the whole prize, agreed').toContainText('Agreed by every member');
  await checks.checkPage(ada, 'team-created');
});

test('the team invites the two others by email', async ({ checks }) => {
  const ada = page('ada');
  await ada.waitForLoadState('networkidle');
  const invite = ada.getByRole('form', { name: 'Invite a teammate' });
  const address = invite.getByLabel('Teammate’s email address');
  await address.fill('not-an-email');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await invite.getByText('Enter an email address like name@example.com').waitFor();
  await expect(address, 'the focus is on the refused address').toBeFocused();
  for (const who of ['bo', 'cy'] as const) {
    await address.fill(email(who));
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.getByText(`Invitation sent to ${email(who)}.`, { exact: false }).waitFor();
  }
  await ada.reload();
  await ada.getByRole('heading', { name: 'Waiting for an answer (2)' }).waitFor();
  await expect(ada.getByRole('table', { name: 'Invitations waiting for an answer' }), 'the invitations waiting').toContainText(email('cy'));
  await checks.checkPage(ada, 'team-invited');
});

test('the invitees accept from their invitations page (signing in first brings them back)', async ({ checks }) => {
  // Cy follows the mail's link before having an account: log in first, then back to the invitations.
  const cy = page('cy');
  await cy.goto('/teams/invitations');
  await cy.waitForURL(/\/login\?next=%2Fteams%2Finvitations/);
  await signUp(cy, NAMES.cy, email('cy'));
  for (const who of ['bo', 'cy'] as const) {
    const p = page(who);
    await p.goto('/teams/invitations');
    await p.getByRole('heading', { level: 1, name: 'Team invitations' }).waitFor();
    const row = p.getByRole('row').filter({ hasText: team });
    await row.waitFor();
    await expect(row, 'the invitation names who invited').toContainText(NAMES.ada);
    if (who === 'bo') await checks.checkPage(p, 'team-invitations');
    await p.waitForLoadState('networkidle');
    await row.getByRole('button', { name: `Accept the invitation to ${team}` }).click();
    await p.waitForURL((u) => u.pathname === new URL(teamUrl()).pathname);
    await p.getByRole('status').filter({ hasText: 'You joined the team.' }).waitFor();
    if (who === 'bo') await checks.checkPage(p, 'team-joined');
  }
  // Nothing left to answer.
  await page('bo').goto('/teams/invitations');
  await page('bo').getByText('No invitations waiting').waitFor();
  await checks.checkPage(page('bo'), 'team-invitations-empty');
});

test('the team proposes 50/30/20; a submission before everyone agrees is refused in words; the others agree', async ({ checks }) => {
  const ada = page('ada');
  await ada.goto(teamUrl());
  // Each join proposed a new version (the newcomer at 0%), with every agreement cleared.
  await ada.getByRole('region', { name: 'Prize split' }).getByText('Waiting for 3 members to agree.').waitFor();
  await ada.waitForLoadState('networkidle');
  const propose = ada.getByRole('form', { name: 'Propose a split' });
  // Shares in percent, 2 decimals at most, adding up to 100%: checked in the page first.
  await propose.getByLabel(`Share of ${NAMES.ada} (you) (%)`).fill('50');
  await propose.getByLabel(`Share of ${NAMES.bo} (%)`).fill('30');
  await propose.getByLabel(`Share of ${NAMES.cy} (%)`).fill('19.99');
  await propose.getByRole('button', { name: 'Propose this split' }).click();
  await propose.getByRole('alert').filter({ hasText: 'The shares add up to 99.99%: they must add up to 100%.' }).waitFor();
  await propose.getByLabel(`Share of ${NAMES.cy} (%)`).fill('20');
  // What each member would receive, before proposing.
  const preview = propose.getByRole('table', { name: 'What each member would receive' });
  await expect(preview.getByRole('row').filter({ hasText: NAMES.bo }), 'Bo’s part of the prize').toContainText('$300.00');
  await checks.checkPage(ada, 'team-split-form');
  await propose.getByRole('button', { name: 'Propose this split' }).click();
  await ada.getByRole('status').filter({ hasText: 'Split proposed.' }).waitFor();
  const split = ada.getByRole('region', { name: 'Prize split' });
  await split.getByText('Waiting for 2 members to agree.').waitFor();
  await expect(split.getByRole('row').filter({ hasText: NAMES.ada }), 'Ada’s share and part').toContainText(/50%.*\$500\.00/);
  await expect(split.getByRole('row').filter({ hasText: NAMES.cy }), 'Cy’s share and part').toContainText(/20%.*\$200\.00/);
  await checks.checkPage(ada, 'team-split-proposed');

  // Bo tries to submit for the team before agreeing: refused, with the reason.
  const bo = page('bo');
  await bo.goto(challengeUrl);
  await bo.getByRole('heading', { level: 2, name: `Submit as team ${team}` }).waitFor();
  await bo.getByText('Your team can submit once every member has agreed to the prize split.', { exact: false }).first().waitFor();
  await bo.waitForLoadState('networkidle');
  await bo.getByLabel('Solution title').fill('Early draft');
  await bo.getByLabel('Solution', { exact: true }).fill('Not agreed yet.');
  await bo.getByRole('button', { name: 'Submit solution' }).click();
  await bo.getByRole('alert').filter({ hasText: 'Your team can submit once every member has agreed to the prize split.' }).waitFor();
  await checks.checkPage(bo, 'team-submit-refused');

  for (const who of ['bo', 'cy'] as const) {
    const p = page(who);
    await p.goto(teamUrl());
    await p.waitForLoadState('networkidle');
    await p.getByRole('button', { name: 'Agree to this split' }).click();
    await p.getByRole('status').filter({ hasText: 'You agreed to the split.' }).waitFor();
  }
  await page('cy').getByRole('region', { name: 'Prize split' }).getByText('Agreed by every member: this split is in force.').waitFor();
  await checks.checkPage(page('cy'), 'team-split-agreed');
});

test('a member submits as the team', async ({ checks }) => {
  const bo = page('bo');
  await bo.goto(challengeUrl);
  await bo.getByRole('region', { name: `Your team: ${team}` }).getByText('Agreed by every member').waitFor();
  await bo.waitForLoadState('networkidle');
  await bo.getByLabel('Solution title').fill(`Solar tunnel ${run}`);
  await bo.getByLabel('Solution', { exact: true }).fill('A polytunnel with a PV fan, drying 50 kg a day.');
  await bo.getByRole('button', { name: 'Submit solution' }).click();
  await bo.getByText('Submitted: version 1 of your team’s solution is sealed for the sponsor.').waitFor();
  await checks.checkPage(bo, 'team-submitted');
  // Every member sees it as the team's.
  const ada = page('ada');
  await ada.goto(challengeUrl);
  await ada.getByRole('heading', { level: 2, name: `Team ${team}’s submission` }).waitFor();
  await ada.getByText(`Solar tunnel ${run}`, { exact: false }).first().waitFor();
});

test('sponsor closes submissions, sees the team on the review page and awards it the prize', async ({ checks }) => {
  const sponsor = page('sponsor');
  await sponsor.goto(challengeUrl);
  await confirmed(sponsor, 'Close submissions', 'Yes, close submissions', 'Submissions closed: judging has started.');
  await sponsor.goto(`${challengeUrl}/review`);
  const card = sponsor.getByRole('article', { name: `Solar tunnel ${run}` });
  await card.waitFor();
  await expect(card, 'the team and its members').toContainText(`By team ${team} (${NAMES.ada}, ${NAMES.bo}, ${NAMES.cy})`);
  await checks.checkPage(sponsor, 'team-review');
  await sponsor.waitForLoadState('networkidle');
  await card.getByLabel(`Prize for Solar tunnel ${run}`).selectOption({ label: `1. First prize — ${PRIZE}` });
  await card.getByRole('button', { name: 'Award', exact: true }).click();
  await sponsor.getByRole('button', { name: 'Yes, award' }).click();
  await sponsor.getByRole('status').filter({ hasText: 'Prize awarded.' }).waitFor();
  await checks.checkPage(sponsor, 'team-awarded');
});

test('two members set up payouts and are paid their part; the third’s stays held until they do', async ({ checks }) => {
  const parts: Record<'ada' | 'bo' | 'cy', string> = { ada: '$500.00', bo: '$300.00', cy: '$200.00' };
  const cy = page('cy');
  await expect(async () => {
    await cy.goto('/me/payouts');
    await expect(cy.getByText(`Your part of First prize, won by team ${team}`, { exact: false })).toBeVisible({ timeout: 1000 });
  }, 'the team payout reaches the member').toPass({ intervals: [1000, 2000], timeout: 30_000 });
  const cyRow = cy.getByRole('row').filter({ hasText: title });
  await expect(cyRow, 'Cy’s part, held').toContainText(parts.cy);
  await expect(cyRow).toContainText('Held');
  await cyRow.getByRole('link', { name: 'Set up payouts to receive it' }).waitFor();
  await checks.checkPage(cy, 'team-payout-held');

  for (const who of ['ada', 'bo'] as const) {
    const p = page(who);
    await p.goto('/me/payouts');
    await p.getByText(`Your part of First prize, won by team ${team}`, { exact: false }).first().waitFor();
    await p.waitForLoadState('networkidle');
    await p.getByRole('button', { name: /payout onboarding/ }).click();
    await p.waitForURL(/\/hosted\/onboarding\//);
    await p.locator('input[value="complete"]').check();
    await p.getByRole('button', { name: 'Submit' }).click();
    await p.waitForURL(/\/me\/payouts\?onboarding=return/);
    await expect(async () => {
      await p.reload();
      await expect(p.getByRole('row').filter({ hasText: title }).getByText('Paid', { exact: true })).toBeVisible({ timeout: 1000 });
    }, `${who}'s part becomes PAID`).toPass({ intervals: [2000], timeout: 60_000 });
    await expect(p.getByRole('row').filter({ hasText: title }), `${who}'s part`).toContainText(parts[who]);
    if (who === 'ada') await checks.checkPage(p, 'team-payout-paid');
  }

  // Cy has still not set up payouts: still held.
  await cy.reload();
  await expect(cy.getByRole('row').filter({ hasText: title }), 'Cy’s part stays held').toContainText('Held');
});

test('security headers were checked on the documents of the story', async ({ checks }) => {
  expect(checks.securityChecks.documents, 'document responses checked').toBeGreaterThan(0);
});
