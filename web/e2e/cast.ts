// The people of a story spec: one browser context and page each, at the project's viewport, watched by the page
// checks under their name; when a step fails, each page's address, alerts and screenshot are attached; closed at the
// end. Registers the spec's hooks: call it once at the top level of a serial spec.
import type { BrowserContext, Page } from '@playwright/test';
import { test } from './fixtures';

export function castOf<Who extends string>(people: readonly Who[]): (who: Who) => Page {
  const contexts = new Map<Who, BrowserContext>();
  const pages = new Map<Who, Page>();

  test.beforeAll(async ({ browser, checks }, testInfo) => {
    const { viewport, isMobile, hasTouch, deviceScaleFactor } = testInfo.project.use;
    const options = { viewport, isMobile, hasTouch, deviceScaleFactor, baseURL: checks.base };
    for (const who of people) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await checks.watch(page, who);
      contexts.set(who, context);
      pages.set(who, page);
    }
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status === testInfo.expectedStatus) return;
    for (const [who, page] of pages) {
      const alerts = await page.getByRole('alert').allInnerTexts().catch(() => []);
      await testInfo.attach(`${who} at failure`, { body: `${page.url()}\nalerts: ${JSON.stringify(alerts)}`, contentType: 'text/plain' });
      const shot = await page.screenshot({ fullPage: true }).catch(() => undefined);
      if (shot) await testInfo.attach(`${who}.png`, { body: shot, contentType: 'image/png' });
    }
  });

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close();
  });

  return (who) => {
    const page = pages.get(who);
    if (!page) throw new Error(`${who} has no page yet: the cast's beforeAll has not run`);
    return page;
  };
}
