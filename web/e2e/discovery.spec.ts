// Discovery (issue 11): what a visitor finds on /challenges, against the demo data `npm start` seeds.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { unfold } from './helpers';

const DESALINATION = /Solar-powered desalination for coastal villages/;

async function search(page: Page, words: string): Promise<void> {
  await unfold(page, 'Filters');
  await page.getByLabel('Search').fill(words);
  await page.getByLabel('Search').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
}

test('browse shows open challenges closing soonest, with a count and the time left on every card', async ({ page, checks }) => {
  await page.goto('/challenges');
  await unfold(page, 'Filters');
  await expect(page.getByLabel('Status')).toHaveValue('OPEN');
  await expect(page.getByLabel('Sort by')).toHaveValue('DEADLINE_SOONEST');
  await expect(page.locator('.results-summary [role="status"]')).toHaveText(/^[\d,]+ challenges?$/);
  const cards = page.getByRole('list', { name: 'Challenges' }).getByRole('listitem');
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) await expect(card.locator('.time-left')).toHaveText(/^(\d+ days? left|Closes today)$/);
  // Closing soonest first: the machine-readable deadlines are in order.
  const deadlines = await page.locator('.time-left').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
  expect([...deadlines].sort()).toEqual(deadlines);
  // Exactly the currencies challenges are created in, plus "Any currency".
  await expect(page.getByLabel('Prize currency').locator('option')).toHaveCount(12);
  await checks.checkPage(page, 'browse-default');
});

test('a word prefix and the sponsor’s name both find a challenge; the whole card opens it', async ({ page, checks }) => {
  await page.goto('/challenges');
  await search(page, 'desal');
  await expect(page.getByRole('link', { name: DESALINATION })).toBeVisible();
  await checks.checkPage(page, 'browse-search');
  await search(page, 'Aquatech');
  const card = page.getByRole('list', { name: 'Challenges' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: DESALINATION }) });
  await expect(card).toBeVisible();
  // Not only the title: a click anywhere on the card (here near its bottom-left corner) opens the challenge.
  const box = (await card.boundingBox())!;
  await card.click({ position: { x: 12, y: box.height - 12 } });
  await page.waitForURL(/\/challenges\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: DESALINATION })).toBeVisible();
});

test('sorting by prize asks for a currency first', async ({ page }) => {
  await page.goto('/challenges');
  await unfold(page, 'Filters');
  await page.getByLabel('Sort by').selectOption('PRIZE_HIGHEST');
  await page.getByLabel('Search').press('Enter');
  await expect(page.getByText('Choose a currency to sort by prize').first()).toBeVisible();
});
