// What every page of the browser tests is held to: security headers on every response of ours, no console error, page
// error, failed request or HTTP error while a test runs (watch), and, for each page a test shows (checkPage), its
// scripts nonced, no CSP violation, axe clean (no serious or critical violation; moderate and minor ones only if listed
// in axe-allowed.ts), no horizontal scroll, and a full-page screenshot in web/test-output/<width>/<page>.png.
import { AxeBuilder } from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALLOWED_AXE_VIOLATIONS } from './axe-allowed';
import { KNOWN_HORIZONTAL_SCROLL } from './known-layout-issues';
import { securityHeaderProblems } from './security-headers';

export const OUTPUT = join(__dirname, '..', 'test-output');
const README_SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
/** Next's build output, image optimizer and icons: not pages, the proxy does not run for them. */
const STATIC_PATH = /^\/(_next\/static|_next\/image|favicon\.ico|icon\.svg)/;
const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** One per worker: pages of several tests (a story's) report into it; each test ends by asserting it found nothing. */
/** Copies a page check's screenshot (`name`, at `width`) into docs/screenshots as `as`, the name the docs use. */
export function keepScreenshot(width: number, name: string, as: string): void {
  mkdirSync(README_SCREENSHOTS, { recursive: true });
  copyFileSync(join(OUTPUT, String(width), `${name}.png`), join(README_SCREENSHOTS, as));
}

export class PageChecks {
  private failures: string[] = [];
  /** Per page, the document it shows: its URL and its CSP nonce (a client-side navigation keeps the document). */
  private readonly documents = new WeakMap<Page, { url: string; nonce: string | undefined }>();
  private readonly nonces = new Set<string>();
  readonly securityChecks = { documents: 0, other: 0 };
  /** Pages of ours that do not exist and that a step goes to on purpose (a hostile next kept as a path on the site). */
  readonly expectedNotFound = new Set<string>();

  constructor(readonly base: string) {}

  /** What went wrong since the last call (and forgets it). */
  takeFailures(): string[] {
    const failures = this.failures;
    this.failures = [];
    return failures;
  }

  fail(problem: string): void {
    this.failures.push(problem);
  }

  /** Listens to a page for its whole life: `who` names it in failures (sponsor, solver…). Accepts dialogs. */
  async watch(page: Page, who: string): Promise<void> {
    const base = this.base;
    // The Stripe emulator's hosted pages are not ours: only their failed requests (not their favicon) count.
    const ours = () => page.url().startsWith(base);
    // Every CSP violation in one of our pages fails the test (Chrome also logs it, but a listener cannot miss one).
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        const violation = `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'document'}:${e.lineNumber})`;
        window.__cspViolations!.push(violation);
        console.error(`CSP violation: ${violation}`);
      });
    });
    // Every response of ours that the proxy handles (documents, RSC payloads, server actions, redirects): its headers.
    page.on('response', async (r) => {
      const url = new URL(r.url());
      if (!r.url().startsWith(base) || STATIC_PATH.test(url.pathname)) return;
      let headers: Record<string, string>;
      try {
        headers = await r.allHeaders();
      } catch {
        return; // the page went away meanwhile
      }
      for (const problem of securityHeaderProblems(headers)) this.fail(`${who} headers of ${r.request().method()} ${r.url()} (${r.status()}): ${problem}`);
      let isDocument = false;
      try {
        isDocument = r.request().isNavigationRequest() && r.request().frame() === page.mainFrame();
      } catch {
        /* no frame (a worker) */
      }
      if (!isDocument) return void this.securityChecks.other++;
      this.securityChecks.documents++;
      const nonce = nonceOf(headers['content-security-policy']);
      if (nonce && this.nonces.has(nonce)) this.fail(`${who} ${r.url()}: CSP nonce ${nonce} used twice`);
      if (nonce) this.nonces.add(nonce);
      if (r.status() < 300 || r.status() >= 400) this.documents.set(page, { url: r.url(), nonce });
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && ours() && !this.expectedNotFound.has(m.location().url)) this.fail(`${who} console error: ${m.text()} (${page.url()})`);
    });
    page.on('pageerror', (e) => this.fail(`${who} page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      const reason = r.failure()?.errorText ?? '';
      if (!reason.includes('ERR_ABORTED')) this.fail(`${who} request failed: ${r.method()} ${r.url()} ${reason}`);
    });
    page.on('response', (r) => {
      const foreignFavicon = r.url().endsWith('/favicon.ico') && !r.url().startsWith(base);
      if (r.status() >= 400 && !foreignFavicon && !(r.status() === 404 && this.expectedNotFound.has(r.url()))) {
        this.fail(`${who} HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
      }
    });
    page.on('dialog', (d) => void d.accept());
  }

  /** The security side of a page's check: its document had the headers (watch), its scripts its nonce, no CSP violation. */
  private async checkSecurity(page: Page, name: string): Promise<void> {
    const shown = this.documents.get(page);
    if (!shown || !page.url().startsWith(new URL(shown.url).origin)) return void this.fail(`headers ${name}: no document response of ours seen for ${page.url()}`);
    // Next.js puts the response's nonce on its inline scripts (the property: browsers hide the attribute's value).
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ inline: !s.src, nonce: s.nonce })));
    const inline = scripts.filter((s) => s.inline);
    if (!inline.length || inline.some((s) => s.nonce !== shown.nonce)) {
      this.fail(`headers ${name}: inline scripts without the document's nonce ${shown.nonce}: ${JSON.stringify(inline.map((s) => s.nonce))}`);
    }
    const violations = await page.evaluate(() => window.__cspViolations ?? ['the violation listener is missing']);
    for (const v of violations) this.fail(`headers ${name}: CSP violation: ${v}`);
  }

  private async checkAxe(page: Page, name: string): Promise<void> {
    // Next.js re-renders a page's metadata a moment after its body on a soft navigation (a server action's redirect,
    // say), so <title> can be missing for a few milliseconds. Audit the settled page: wait for the title, then let axe
    // judge — a page whose title never comes still fails on document-title.
    const titled = () => page.waitForFunction(() => document.title.trim() !== '', null, { timeout: 5000 }).then(() => true, () => false);
    await titled();
    const audit = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    let results = await audit();
    // The title can also go for a moment while Next.js swaps the old page's metadata for the new one, after the wait
    // above saw the old title: audit once more when the title is back. A page without a title fails both audits.
    if (results.violations.some((v) => v.id === 'document-title') && (await titled())) results = await audit();
    for (const v of results.violations) {
      const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ');
      const serious = v.impact === 'serious' || v.impact === 'critical';
      if (!serious && ALLOWED_AXE_VIOLATIONS[v.id]) {
        test.info().annotations.push({ type: 'axe (allowed)', description: `${name}: ${v.id} (${v.impact}): ${ALLOWED_AXE_VIOLATIONS[v.id]}` });
        continue;
      }
      const why = serious ? '' : ' (not listed in web/e2e/axe-allowed.ts)';
      this.fail(`axe ${name}: ${v.id} (${v.impact})${why} ${v.help}: ${where}`);
    }
  }

  /** Nothing wider than the window (see measureHorizontalScroll); pages in known-layout-issues.ts must still scroll. */
  private async checkHorizontalScroll(page: Page, name: string, width: number): Promise<void> {
    const measured = await measureHorizontalScroll(page);
    const scrolls = measured.scrollWidth > measured.windowWidth;
    const known = KNOWN_HORIZONTAL_SCROLL[`${name}@${width}`];
    if (known) {
      // An expected failure: it must still fail, so that the entry goes once the layout is fixed.
      if (scrolls) {
        const description = `${name} at ${width} px scrolls sideways (${measured.scrollWidth} > ${measured.windowWidth}): ${known}`;
        test.info().annotations.push({ type: 'fixme', description });
        console.log(`[e2e] expected failure (web/e2e/known-layout-issues.ts): ${description}`);
      }
      else this.fail(`layout ${name}: no longer scrolls sideways at ${width} px: remove "${name}@${width}" from web/e2e/known-layout-issues.ts`);
      return;
    }
    if (scrolls) this.fail(`layout ${name}: scrolls sideways at ${width} px (scrollWidth ${measured.scrollWidth} > window width ${measured.windowWidth}); wider than the window: ${measured.wide.join(', ')}`);
  }

  /**
   * Checks the page the test is looking at and writes its screenshot as web/test-output/<width>/<name>.png. With
   * E2E_README_SCREENSHOTS=1, the pages named in `readme` (home, challenge) at 1440 px also go to docs/screenshots/.
   */
  async checkPage(page: Page, name: string): Promise<void> {
    await test.step(`check page ${name}`, async () => {
      const width = page.viewportSize()?.width ?? 0;
      await this.checkSecurity(page, name);
      await this.checkAxe(page, name);
      await this.checkHorizontalScroll(page, name, width);
      const dir = join(OUTPUT, String(width));
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      if (process.env.E2E_README_SCREENSHOTS === '1' && width === 1440 && README_PAGES.has(name)) {
        mkdirSync(README_SCREENSHOTS, { recursive: true });
        copyFileSync(file, join(README_SCREENSHOTS, `${name}.png`));
      }
    });
  }
}

/**
 * How wide the page is against the window: `document.documentElement.scrollWidth <= innerWidth` when it fits. A mobile
 * browser (isMobile) zooms out to show a page wider than its layout viewport, and innerWidth then grows with the page
 * (390 px becomes the page's 708, say): the window is also bounded by the root's clientWidth and the viewport's width.
 * `wide` names a few elements that reach past the window, to start looking from.
 */
export async function measureHorizontalScroll(page: Page): Promise<{ scrollWidth: number; windowWidth: number; wide: string[] }> {
  return page.evaluate((viewportWidth) => {
    const root = document.documentElement;
    const visible = Math.min(window.innerWidth, root.clientWidth, viewportWidth);
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
    // Where to look first: boxes whose content overflows them (a table wider than its card), then boxes past the window
    // (when the mobile browser has zoomed out, every block is as wide as the page, so these say less).
    const all = [...document.body.querySelectorAll('*')];
    const overflowing = all
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && getComputedStyle(e).overflowX === 'visible')
      .map((e) => `${describe(e)} (content ${e.scrollWidth} px in ${e.clientWidth} px)`);
    const past = all.filter((e) => e.getBoundingClientRect().right > visible + 0.5).map((e) => `${describe(e)} (right ${Math.round(e.getBoundingClientRect().right)})`);
    const wide = [...overflowing, ...past].slice(0, 5);
    return { scrollWidth: root.scrollWidth, windowWidth: visible, wide };
  }, page.viewportSize()?.width ?? Number.POSITIVE_INFINITY);
}

/** The pages the README shows (docs/screenshots/<name>.png), taken at 1440 px. */
const README_PAGES = new Set(['home', 'challenge']);
