// The `test` every spec imports: Playwright's, with the web client's address as baseURL, a worker's PageChecks
// (`checks`), every test's own `page` watched, and each test failing if its pages misbehaved (see page-checks.ts).
import { test as base, expect } from '@playwright/test';
import { tailOf } from './global-setup';
import { PageChecks } from './page-checks';

export { expect };

export const test = base.extend<{ failOnPageProblems: void }, { checks: PageChecks }>({
  baseURL: async ({}, use) => {
    const base = process.env.E2E_BASE_URL;
    if (!base) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (its global setup starts the stack)');
    await use(base);
  },
  checks: [
    async ({}, use) => {
      await use(new PageChecks(process.env.E2E_BASE_URL ?? ''));
    },
    { scope: 'worker' },
  ],
  page: async ({ page, checks }, use) => {
    await checks.watch(page, 'visitor');
    await use(page);
  },
  failOnPageProblems: [
    async ({ checks }, use, testInfo) => {
      await use();
      const failures = checks.takeFailures();
      const failed = failures.length > 0 || testInfo.status !== testInfo.expectedStatus;
      // Server-side errors are hidden from the browser in production builds: show what `next start` logged.
      if (failed && process.env.E2E_WEB_LOG) await testInfo.attach('next start (last lines)', { body: tailOf(process.env.E2E_WEB_LOG, 80), contentType: 'text/plain' });
      expect(failures, 'problems seen in the pages (headers, console, HTTP, axe, layout)').toEqual([]);
    },
    { auto: true },
  ],
});
