// The judging story, in order, by four people in four browsers: a sponsor creates a challenge with a rubric of two
// criteria (and a prize of two places), funds and publishes it, and invites a judge by email from the challenge's
// "Judges" card; two solvers submit; the sponsor closes submissions; the judge, signing up from the invitation's link,
// accepts it on /judging/invitations and scores both submissions from the keyboard; the sponsor reads the judging
// board and picks a finalist; the finalist resubmits in the final round and the sponsor closes again; the judge scores
// the finalist; the sponsor awards the first prize from the board and finishes judging; the author reads the judges'
// feedback. Each test is one step; a failed step skips the rest (serial). Every new page is checked (page-checks.ts),
// and docs/screenshots gets judging-board.png (1440 px) and scoring-390.png (390 px).
import { castOf } from './cast';
import { expect, test } from './fixtures';
import { keepScreenshot } from './page-checks';
import { confirmed, fundAndPublish, reloadUntil, runId, signUp, unfold } from './helpers';

test.describe.configure({ mode: 'serial' });

let run = '';
let title = '';
let challengeUrl = '';
const people = ['sponsor', 'judge', 'ada', 'bo'] as const;
type Who = (typeof people)[number];
const page = castOf(people);
const email = (who: Who) => `${who}-${run}@e2e.test`;
const ideas = { ada: () => `Solar still ${run}`, bo: () => `Fog net ${run}` };

test.beforeAll(async ({}, testInfo) => {
  run = runId(testInfo.project.name);
  title = `Judged ${run} water still`;
});

test('sponsor creates a challenge with a rubric of two criteria, funds and publishes it, and invites a judge', async ({ checks }) => {
  const sponsor = page('sponsor');
  await signUp(sponsor, 'E2E Judging Sponsor', email('sponsor'));
  await sponsor.goto('/sponsor');
  await sponsor.getByLabel('Organization name').fill(`E2E Judging Labs ${run}`);
  await sponsor.getByRole('button', { name: 'Create organization' }).click();
  await sponsor.getByText('Organization created.').waitFor();

  await sponsor.goto('/sponsor/new-challenge');
  await sponsor.waitForLoadState('networkidle');
  await sponsor.getByLabel('Title').fill(title);
  await sponsor.getByLabel('Summary').fill(`Drinking water from the sun, ${run}.`);
  await sponsor.getByLabel('Description').fill('Judged on feasibility and impact.');
  await sponsor.getByRole('button', { name: 'Next' }).click();
  await sponsor.getByLabel('Prize 1 label').fill('First prize');
  await sponsor.getByLabel('Prize 1 amount (USD)').fill('1000');
  await sponsor.getByRole('button', { name: 'Add a prize' }).click();
  await sponsor.getByLabel('Prize 2 label').fill('Honourable mention');
  await sponsor.getByLabel('Prize 2 amount (USD)').fill('50');
  await sponsor.getByLabel('Prize 2 places').fill('2');
  await sponsor.getByText('Total prize pool: $1,100.00').waitFor();
  await sponsor.getByRole('button', { name: 'Next' }).click();
  const d = new Date(Date.now() + 30 * 864e5);
  const pad = (n: number) => String(n).padStart(2, '0');
  await sponsor.getByLabel('Submission deadline').fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T12:00`);
  await sponsor.getByText(/Default: 30 days after the submission deadline \(/).waitFor();
  await sponsor.getByLabel('Criterion 1 name').fill('Feasibility');
  await sponsor.getByLabel('Criterion 1 weight (%)').fill('60');
  await sponsor.getByRole('button', { name: 'Add a criterion' }).click();
  await sponsor.getByLabel('Criterion 2 name').fill('Impact');
  await sponsor.getByLabel('Criterion 2 weight (%)').fill('30');
  await sponsor.getByText('Weights add up to 90 %: they must add up to 100 %.').waitFor();
  await checks.checkPage(sponsor, 'judging-wizard-rubric');
  await sponsor.getByLabel('Criterion 2 weight (%)').fill('40');
  await sponsor.getByText('Weights add up to 100 %.').waitFor();
  await sponsor.getByRole('button', { name: 'Create draft challenge' }).click();
  await sponsor.waitForURL(/\/challenges\/[0-9a-f-]+\?created=1/);
  challengeUrl = sponsor.url().split('?')[0]!;
  await sponsor.getByText('$1,100.00 in total').waitFor();
  await expect(sponsor.getByRole('region', { name: 'Prizes', exact: true }), 'a prize of two places').toContainText('2 × Honourable mention');

  await fundAndPublish(sponsor);

  const judges = sponsor.getByRole('region', { name: 'Judges', exact: true });
  await sponsor.waitForLoadState('networkidle');
  await judges.getByLabel('Judges’ email addresses').fill(`${email('judge')}, not-an-email`);
  await judges.getByRole('button', { name: 'Send invitations' }).click();
  await judges.getByText('“not-an-email” is not an email address like name@example.com').waitFor();
  await judges.getByLabel('Judges’ email addresses').fill(email('judge'));
  await judges.getByRole('button', { name: 'Send invitations' }).click();
  await judges.getByText(`Invitation sent to ${email('judge')}.`, { exact: false }).waitFor();
  await expect(judges.getByRole('row').filter({ hasText: email('judge') }), 'the invitation, pending').toContainText('Waiting for an answer');
  await checks.checkPage(sponsor, 'judging-judges-card');
});

test('two solvers submit; the sponsor closes submissions', async () => {
  for (const who of ['ada', 'bo'] as const) {
    const p = page(who);
    await signUp(p, `E2E ${who}`, email(who));
    await p.goto(challengeUrl);
    await p.waitForLoadState('networkidle');
    await p.getByLabel('Solution title').fill(ideas[who]());
    await p.getByLabel('Solution', { exact: true }).fill(`How ${who} would do it: ${run}.`);
    await p.getByRole('button', { name: 'Submit solution' }).click();
    await p.getByText('Submitted: version 1 of your solution is sealed for the sponsor.').waitFor();
  }
  const sponsor = page('sponsor');
  await sponsor.goto(challengeUrl);
  await confirmed(sponsor, 'Close submissions', 'Yes, close submissions', 'Submissions closed: judging has started.');
});

test('the judge signs up from the invitation’s link and accepts it on /judging/invitations', async ({ checks }) => {
  const judge = page('judge');
  await judge.goto('/judging/invitations');
  await judge.waitForURL(/\/login\?next=%2Fjudging%2Finvitations/);
  await signUp(judge, 'E2E Judge', email('judge'));
  // The new account's address reaches the challenges context by event: the invitation shows a moment later.
  await reloadUntil(judge, '/', async () => {
    await expect(judge.getByRole('link', { name: 'Judging (1)', includeHidden: true })).toBeAttached({ timeout: 2000 });
  }, 'the header says an invitation waits');
  await unfold(judge, 'Menu');
  await judge.getByRole('link', { name: 'Judging (1)' }).click();
  await judge.getByRole('heading', { level: 1, name: 'Judging' }).waitFor();
  const row = judge.getByRole('row').filter({ hasText: title });
  await row.waitFor();
  await checks.checkPage(judge, 'judging-invitations');
  await judge.waitForLoadState('networkidle');
  await row.getByRole('button', { name: `Accept to judge ${title}` }).click();
  await judge.getByRole('status').filter({ hasText: 'Invitation accepted: you are a judge of this challenge.' }).waitFor();
  await judge.getByRole('table', { name: 'Challenges you judge' }).getByRole('link', { name: 'Score submissions' }).waitFor();
  await checks.checkPage(judge, 'judging-invitations-accepted');
});

test('the judge scores both submissions from the keyboard', async ({ checks }, testInfo) => {
  const judge = page('judge');
  const score = `${challengeUrl}/score`;
  await reloadUntil(judge, score, async () => {
    await expect(judge.getByText('0 of 2 scored')).toBeVisible({ timeout: 2000 });
  }, 'the judge can read the submissions');
  await judge.waitForLoadState('networkidle');
  const first = judge.getByLabel('Feasibility (weight 60 %)');
  await expect(first, 'the focus is on the first score').toBeFocused();
  await checks.checkPage(judge, 'scoring');
  if (testInfo.project.name === 'mobile') keepScreenshot(390, 'scoring', 'scoring-390.png');
  const firstTitle = await judge.getByRole('heading', { level: 2 }).first().innerText();
  // The first: Tab between fields, Ctrl+Enter in the comment saves and moves on.
  await judge.keyboard.type('8');
  await judge.keyboard.press('Tab');
  await judge.keyboard.type('7.5');
  await judge.keyboard.press('Tab');
  await judge.keyboard.type('Clever and cheap.');
  await judge.keyboard.press('Control+Enter');
  await judge.getByText('1 of 2 scored').waitFor();
  await expect(judge.getByRole('heading', { level: 2 }).first(), 'the next submission').not.toHaveText(firstTitle);
  await expect(first, 'the focus is on the first score again').toBeFocused();
  // The second: Enter in the last score saves.
  await judge.keyboard.type('5');
  await judge.keyboard.press('Tab');
  await judge.keyboard.type('6');
  await judge.keyboard.press('Enter');
  await judge.getByText('2 of 2 scored').waitFor();
  await judge.getByText('You have scored every submission in this list').waitFor();
  await checks.checkPage(judge, 'scoring-done');
});

test('the sponsor reads the judging board and picks a finalist for the final round', async ({ checks }, testInfo) => {
  const sponsor = page('sponsor');
  await sponsor.goto(challengeUrl);
  await sponsor.getByRole('link', { name: /^Judging board/ }).first().click();
  await sponsor.getByRole('heading', { level: 1, name: `Judging board: ${title}` }).waitFor();
  const ranking = sponsor.getByRole('table', { name: /^Ranking/ });
  await expect(ranking.getByRole('row'), 'two ranked submissions and the header').toHaveCount(3);
  await expect(ranking.getByRole('row').nth(1), 'the best first: 8 x 60% + 7.5 x 40%').toContainText(/7\.8/);
  await expect(sponsor.getByRole('region', { name: /^Judges/ }), 'the judge’s progress').toContainText(/E2E Judge\s*2 of 2/);
  await sponsor.getByRole('heading', { name: 'Agreement: Not measured yet' }).waitFor();
  await checks.checkPage(sponsor, 'judging-board');
  if (testInfo.project.name === 'desktop') keepScreenshot(1440, 'judging-board', 'judging-board.png');
  await sponsor.waitForLoadState('networkidle');
  await expect(ranking.getByRole('row').nth(1), 'Ada’s, submitted first and scored first, is ranked first').toContainText(ideas.ada());
  await sponsor.getByRole('checkbox', { name: `Select “${ideas.ada()}”` }).check();
  await sponsor.getByRole('button', { name: 'Advance 1 to the final round' }).click();
  await sponsor.getByRole('button', { name: 'Yes, start the final round' }).click();
  await sponsor.getByRole('status').filter({ hasText: 'Final round started' }).waitFor();
});

test('final round: the finalist resubmits, the sponsor closes again, the judge scores the finalist', async () => {
  const ada = page('ada');
  await reloadUntil(ada, challengeUrl, async () => {
    await expect(ada.getByRole('button', { name: 'Resubmit solution' })).toBeVisible({ timeout: 2000 });
  }, 'the finalist may resubmit');
  await ada.waitForLoadState('networkidle');
  await expect(async () => {
    await ada.getByLabel('Solution title').fill(`${ideas.ada()} v2`);
    await ada.getByRole('button', { name: 'Resubmit solution' }).click();
    await expect(ada.getByText('Resubmitted: this is version 2 of your solution.')).toBeVisible({ timeout: 3000 });
  }, 'the final round reached submissions').toPass({ intervals: [2000], timeout: 60_000 });

  const sponsor = page('sponsor');
  await sponsor.goto(challengeUrl);
  await confirmed(sponsor, 'Close submissions', 'Yes, close submissions', 'Submissions closed: judging has started.');

  const judge = page('judge');
  await reloadUntil(judge, `${challengeUrl}/score`, async () => {
    await expect(judge.getByText('0 of 1 scored')).toBeVisible({ timeout: 2000 });
  }, 'the final round reaches the judge');
  await judge.waitForLoadState('networkidle');
  await expect(judge.getByLabel('Feasibility (weight 60 %)')).toBeFocused();
  await judge.keyboard.type('9');
  await judge.keyboard.press('Tab');
  await judge.keyboard.type('8');
  await judge.keyboard.press('Tab');
  await judge.keyboard.type('Even better in the final.');
  await judge.keyboard.press('Control+Enter');
  await judge.getByText('1 of 1 scored').waitFor();
});

test('the sponsor awards the first prize from the board and finishes judging', async ({ checks }) => {
  const sponsor = page('sponsor');
  await reloadUntil(sponsor, `${challengeUrl}/judging`, async () => {
    await expect(sponsor.getByRole('table', { name: /^Ranking/ }).getByRole('row')).toHaveCount(2, { timeout: 2000 });
  }, 'the final round’s ranking');
  await sponsor.waitForLoadState('networkidle');
  const award = sponsor.getByRole('form', { name: 'Award prizes' });
  await award.getByLabel('Prize', { exact: true }).selectOption('1');
  await award.getByLabel('From rank').fill('1');
  await award.getByLabel('How many places').fill('1');
  await award.getByRole('button', { name: 'Award', exact: true }).click();
  await sponsor.getByRole('group', { name: 'Award First prize to ranks 1 to 1?' }).getByText('$1,000.00 in all', { exact: false }).waitFor();
  await checks.checkPage(sponsor, 'judging-award-confirm');
  await sponsor.getByRole('button', { name: 'Yes, award $1,000.00' }).click();
  // Payouts learns that judging has started again by event: until then the award is refused (in words), so try again.
  const awarded = award.getByText('1 prize place awarded.', { exact: false });
  await expect(async () => {
    if (await awarded.isVisible()) return;
    const again = award.getByRole('button', { name: 'Award', exact: true });
    if (await again.isVisible()) {
      await again.click();
      await sponsor.getByRole('button', { name: 'Yes, award $1,000.00' }).click();
    }
    await expect(awarded).toBeVisible({ timeout: 5000 });
  }, 'the award goes through').toPass({ intervals: [2000], timeout: 60_000 });

  await sponsor.goto(`${challengeUrl}/review`);
  await confirmed(sponsor, 'Finish judging', 'Yes, finish judging', 'Judging finished.');
});

test('the author reads the judges’ feedback', async ({ checks }) => {
  const ada = page('ada');
  await reloadUntil(ada, challengeUrl, async () => {
    await expect(ada.getByRole('heading', { name: 'Judges’ feedback' })).toBeVisible({ timeout: 2000 });
  }, 'the results reach the author');
  const feedback = ada.getByRole('region', { name: 'Judges’ feedback' });
  await expect(feedback).toContainText('Ranked 1st of');
  await expect(feedback, 'the final round’s comment, without the judge’s name').toContainText('Even better in the final.');
  await expect(feedback).not.toContainText('E2E Judge');
  await checks.checkPage(ada, 'judging-feedback');
  await ada.goto('/me/submissions');
  await ada.getByRole('heading', { name: `Judges’ feedback on “${ideas.ada()} v2”` }).waitFor();
  await checks.checkPage(ada, 'judging-feedback-mine');
});

test('security headers were checked on the documents of the story', async ({ checks }) => {
  expect(checks.securityChecks.documents, 'document responses checked').toBeGreaterThan(0);
});
