// The page checks themselves: the no-horizontal-scroll measure must see a page wider than the window at both widths
// (on mobile the browser zooms out to fit it, so innerWidth alone would not), and pass a page that fits.
import { expect, test } from './fixtures';
import { measureHorizontalScroll } from './page-checks';

const html = (body: string) => `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title></head><body style="margin:0">${body}</body></html>`;

test('the horizontal scroll measure sees a page wider than the window', async ({ page }) => {
  const width = page.viewportSize()!.width;
  await page.setContent(html(`<div id="wide" style="width:${width + 300}px;height:20px"></div>`));
  const measured = await measureHorizontalScroll(page);
  expect(measured.windowWidth).toBe(width);
  expect(measured.scrollWidth).toBeGreaterThan(measured.windowWidth);
  expect(measured.wide[0]).toContain('div#wide');
});

test('the horizontal scroll measure passes a page that fits, even with a wide table in a scrolling box', async ({ page }) => {
  const width = page.viewportSize()!.width;
  await page.setContent(html(`<p>Fits.</p><div style="overflow-x:auto"><table><tr><td style="min-width:${width + 300}px">wide cell</td></tr></table></div>`));
  const measured = await measureHorizontalScroll(page);
  expect(measured.scrollWidth).toBeLessThanOrEqual(measured.windowWidth);
});
