// The entries story (issue 14), in order, by four people in four browsers: a sponsor creates a design contest whose
// entries are a public gallery, with a public vote open now and a community-choice prize, funds and publishes it; a
// designer attaches two images and a PDF (upload progress, then previews), submits, and resubmits keeping the files;
// two visitors browse the gallery and vote (votes left shown); the sponsor sees the votes and downloads the files.
// Each test is one step; a failed step skips the rest (serial). Every new page is checked (page-checks.ts: axe,
// CSP, no horizontal scroll), and docs/screenshots gets gallery-1440.png, gallery-390.png and upload-390.png.
import sharp from 'sharp';
import { castOf } from './cast';
import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { fundAndPublish, reloadUntil, runId, signUp } from './helpers';
import { keepScreenshot } from './page-checks';

test.describe.configure({ mode: 'serial' });

let run = '';
let title = '';
let challengeUrl = '';
const people = ['sponsor', 'dana', 'vic', 'wes'] as const;
type Who = (typeof people)[number];
const page = castOf(people);
const email = (who: Who) => `${who}-${run}@e2e.test`;
const entryTitle = () => `Mountain logo ${run}`;
const FILE_NAMES = ['logo-light.png', 'logo-dark.png', 'brand-guide.pdf'];

/** A real PNG (sharp decodes it for the preview) of one colour. */
const png = (red: number) => sharp({ create: { width: 640, height: 400, channels: 3, background: { r: red, g: 90, b: 60 } } }).png().toBuffer();
/** The shape the storage's checks ask of a PDF (its magic number), with a little content. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A datetime-local value (the browser's local time, the same machine's) `minutes` from now. */
function localInput(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test.beforeAll(async ({}, testInfo) => {
  run = runId(testInfo.project.name);
  title = `Logo ${run} for a mountain hut`;
});

test('sponsor creates a public-gallery contest with a vote open now and a community-choice prize, funds and publishes it', async () => {
  const sponsor = page('sponsor');
  await signUp(sponsor, 'E2E Entries Sponsor', email('sponsor'));
  await sponsor.goto('/sponsor');
  await sponsor.getByLabel('Organization name').fill(`E2E Huts ${run}`);
  await sponsor.getByRole('button', { name: 'Create organization' }).click();
  await sponsor.getByText('Organization created.').waitFor();

  await sponsor.goto('/sponsor/new-challenge');
  await sponsor.waitForLoadState('networkidle');
  await sponsor.getByLabel('Title').fill(title);
  await sponsor.getByLabel('Summary').fill(`A logo for a hut at 2,000 m, ${run}.`);
  await sponsor.getByLabel('Description').fill('Two colour versions and a short brand guide.');
  await sponsor.getByLabel('Public gallery: everyone sees entries as soon as they are submitted').check();
  await sponsor.getByRole('button', { name: 'Next' }).click();
  await sponsor.getByLabel('Prize 1 label').fill('Jury prize');
  await sponsor.getByLabel('Prize 1 amount (USD)').fill('500');
  await sponsor.getByRole('button', { name: 'Add a prize' }).click();
  await sponsor.getByLabel('Prize 2 label').fill('Community choice');
  await sponsor.getByLabel('Prize 2 amount (USD)').fill('100');
  await sponsor.getByLabel('Prize 2 is a community choice prize').check();
  await sponsor.getByRole('button', { name: 'Next' }).click();
  await sponsor.getByLabel('Submission deadline').fill(localInput(30 * 24 * 60));
  await sponsor.getByLabel('Voting opens').fill(localInput(-5));
  await sponsor.getByLabel('Voting closes').fill(localInput(40 * 24 * 60));
  await sponsor.getByRole('button', { name: 'Create draft challenge' }).click();
  await sponsor.waitForURL(/\/challenges\/[0-9a-f-]+\?created=1/);
  challengeUrl = sponsor.url().split('?')[0]!;
  await fundAndPublish(sponsor);
});

test('a designer attaches two images and a PDF, sees the progress and the previews, submits and resubmits keeping the files', async ({ checks }, testInfo) => {
  const dana = page('dana');
  await signUp(dana, 'E2E Dana Designer', email('dana'));
  await reloadUntil(dana, challengeUrl, () => dana.getByLabel('Solution title').waitFor({ timeout: 3000 }), 'the published challenge takes entries');
  await dana.waitForLoadState('networkidle');
  await dana.getByLabel('Solution title').fill(entryTitle());
  await dana.getByLabel('Solution', { exact: true }).fill('A peak drawn in one line, in two colour schemes.');

  // A file the storage would refuse never leaves the page: a Windows program named .png.
  await dana.getByLabel('Choose files').setInputFiles([{ name: 'logo.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00not an image') }]);
  await expect(dana.getByRole('alert').filter({ hasText: 'logo.exe' })).toContainText('cannot be attached');

  const [light, dark] = await Promise.all([png(200), png(40)]);
  // The bytes' PUTs are held until every progress bar has been seen: a small file on a fast machine is Ready before
  // the test can look (CI saw the PDF's bar gone), and a progress bar that is never checked could vanish unnoticed.
  let releaseUploads!: () => void;
  const uploadsReleased = new Promise<void>((resolve) => { releaseUploads = resolve; });
  const holdPuts = async (route: Route) => {
    if (route.request().method() !== 'PUT') return route.fallback();
    await uploadsReleased;
    return route.fallback();
  };
  await dana.route('**/*', holdPuts);
  await dana.getByLabel('Choose files').setInputFiles([
    { name: FILE_NAMES[0]!, mimeType: 'image/png', buffer: light },
    { name: FILE_NAMES[1]!, mimeType: 'image/png', buffer: dark },
    { name: FILE_NAMES[2]!, mimeType: 'application/pdf', buffer: PDF },
  ]);
  for (const name of FILE_NAMES) await expect(dana.getByRole('progressbar', { name: `Upload of ${name}` })).toBeVisible();
  releaseUploads();
  await expect(dana.getByRole('status').filter({ hasText: /^Ready$/ })).toHaveCount(3, { timeout: 60_000 });
  await dana.unroute('**/*', holdPuts); // every PUT has answered: Ready needs it
  await checks.checkPage(dana, 'entry-upload');
  if (testInfo.project.name === 'mobile') keepScreenshot(390, 'entry-upload', 'upload-390.png');
  await dana.getByRole('button', { name: 'Submit solution' }).click();
  await dana.getByText('Submitted: version 1 of your solution is in the public gallery.').waitFor();

  // The previews of the images (named by their files) and a download link for every file.
  const files = dana.getByRole('list', { name: `Files of “${entryTitle()}”` });
  await expect(files.getByRole('img', { name: FILE_NAMES[0] })).toBeVisible();
  await expect(files.getByRole('img', { name: FILE_NAMES[1] })).toBeVisible();
  for (const name of FILE_NAMES) await expect(files.getByRole('link', { name })).toBeVisible();

  // Resubmitting starts from the latest version's files: all three are kept.
  await dana.getByLabel('Solution title').fill(`${entryTitle()} v2`);
  await dana.getByRole('button', { name: 'Resubmit solution' }).click();
  await dana.getByText('Resubmitted: this is version 2 of your solution.').waitFor();
  const kept = dana.getByRole('list', { name: `Files of “${entryTitle()} v2”` });
  for (const name of FILE_NAMES) await expect(kept.getByRole('link', { name })).toBeVisible();
  await checks.checkPage(dana, 'entry-resubmitted');
});

test('two visitors browse the gallery and vote, and see their votes left; the designer sees her entry as hers', async ({ checks }, testInfo) => {
  const entry = `${entryTitle()} v2`;
  for (const [i, who] of (['vic', 'wes'] as const).entries()) {
    const p = page(who);
    await signUp(p, `E2E ${who}`, email(who));
    await p.goto(challengeUrl);
    await p.getByRole('region', { name: 'Entries' }).getByRole('link', { name: 'See the entries' }).click();
    await p.getByRole('heading', { level: 1, name: `Entries: ${title}` }).waitFor();
    const card = p.getByRole('article', { name: entry });
    await expect(card.getByRole('img', { name: entry }), 'the first image’s preview').toBeVisible();
    await expect(p.getByRole('group', { name: 'Community vote' })).toContainText('Votes left: 3 of 3');
    if (i === 0) {
      await checks.checkPage(p, 'gallery');
      keepScreenshot(testInfo.project.name === 'mobile' ? 390 : 1440, 'gallery', testInfo.project.name === 'mobile' ? 'gallery-390.png' : 'gallery-1440.png');
    }
    await card.getByRole('button', { name: `Vote for “${entry}”` }).click();
    await expect(p.getByRole('group', { name: 'Community vote' })).toContainText('Votes left: 2 of 3');
    await expect(card.getByRole('button', { name: `Withdraw vote for “${entry}”` })).toBeVisible();
    await expect(card).toContainText(`${i + 1} vote`);
  }
  // The entry's own page: its files, for everyone (a public gallery).
  const wes = page('wes');
  await wes.getByRole('article', { name: entry }).getByRole('link', { name: entry }).click();
  await wes.getByRole('heading', { level: 1, name: entry }).waitFor();
  const files = wes.getByRole('list', { name: `Files of “${entry}”` });
  for (const name of FILE_NAMES) await expect(files.getByRole('link', { name })).toBeVisible();
  await checks.checkPage(wes, 'gallery-entry');

  const dana = page('dana');
  await dana.goto(`${challengeUrl}/gallery`);
  await expect(dana.getByRole('article', { name: entry })).toContainText('Your entry');
  await expect(dana.getByRole('article', { name: entry }).getByRole('button', { name: /Vote for/ })).toHaveCount(0);
});

test('the sponsor sees the votes and the files, and downloads one', async ({ checks }) => {
  const entry = `${entryTitle()} v2`;
  const sponsor = page('sponsor');
  await sponsor.goto(`${challengeUrl}/review`);
  const votes = sponsor.getByRole('region', { name: 'Community votes' });
  await expect(votes.getByRole('list', { name: 'Most votes' }).getByRole('listitem').first()).toContainText(entry);
  await expect(votes.getByRole('list', { name: 'Most votes' }).getByRole('listitem').first()).toContainText('2 votes');
  await expect(votes).toContainText('No flagged votes');
  const files = sponsor.getByRole('list', { name: `Files of “${entry}”` });
  for (const name of FILE_NAMES) await expect(files.getByRole('link', { name })).toBeVisible();
  await checks.checkPage(sponsor, 'review-votes');

  // The download link is the file, with its type, as uploaded (a signed URL of the files' origin).
  const href = await files.getByRole('link', { name: FILE_NAMES[2] }).getAttribute('href');
  const download = await sponsor.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('application/pdf');
  expect(Buffer.compare(await download.body(), PDF)).toBe(0);
});
