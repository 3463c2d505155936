#!/usr/bin/env node
// End-to-end story against a real stack: `npm run test:e2e` from the repo root.
// Reuses a gateway already answering at IDEAGORA_GATEWAY_URL (default http://localhost:4000/graphql), otherwise
// starts `npm start` itself; builds web/ if needed and runs `next start` on a free port; stops what it started.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { securityHeaderProblems } from './security-headers.mjs';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(WEB, '..');
const OUT = join(WEB, 'test-output');
const GATEWAY = process.env.IDEAGORA_GATEWAY_URL ?? 'http://localhost:4000/graphql';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const started = [];
const log = (...a) => console.log('[e2e]', ...a);

function startProcess(name, cmd, args, opts) {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push({ name, child });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return { child, output: () => output };
}
async function stopAll() {
  for (const { name, child } of started.reverse()) {
    if (child.exitCode !== null) continue;
    log(`stopping ${name}`);
    try { process.kill(-child.pid, 'SIGINT'); } catch { /* gone */ }
    await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 15000))]);
    if (child.exitCode === null) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}
const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
async function waitFor(check, what, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) { if (await check().catch(() => false)) return; await new Promise((r) => setTimeout(r, 500)); }
  throw new Error(`timed out waiting for ${what}`);
}
const gatewayUp = async () => (await fetch(GATEWAY, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).ok;
const run = (cmd, args, opts) => new Promise((resolve, reject) => {
  const c = spawn(cmd, args, { stdio: 'inherit', ...opts });
  c.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
});

const failures = [];
let webOutput = () => '';
/** What `npm start` printed, when this runner started it: local mail (reset links) is printed there. */
let stackOutput = null;
async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  if (!(await gatewayUp().catch(() => false))) {
    log('starting the stack (npm start)…');
    const stack = startProcess('stack', 'npm', ['start'], { cwd: ROOT, env: process.env });
    stackOutput = stack.output;
    await waitFor(async () => stack.output().includes('Ideagora is running') && (await gatewayUp()), 'the stack', 240000).catch((e) => { console.error(stack.output()); throw e; });
  } else log('reusing the running stack');
  if (!existsSync(join(WEB, '.next', 'BUILD_ID')) || process.env.E2E_BUILD === '1') {
    log('building web…');
    await run('npx', ['next', 'build'], { cwd: WEB, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
  const port = Number(process.env.E2E_WEB_PORT ?? (await freePort()));
  const BASE = `http://localhost:${port}`;
  const web = startProcess('web', 'npx', ['next', 'start', '--port', String(port)], { cwd: WEB, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', IDEAGORA_GATEWAY_URL: GATEWAY } });
  webOutput = web.output;
  await waitFor(async () => (await fetch(BASE)).ok, 'next start', 60000).catch((e) => { console.error(web.output()); throw e; });
  log(`web at ${BASE}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir here).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await story(browser, BASE);
  } finally {
    await browser.close();
  }
}

const nonceOf = (csp) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
/** Per page, the document it shows: its URL and its CSP nonce (a client-side navigation keeps the document). */
const documents = new Map();
const nonces = new Set();
const securityChecks = { documents: 0, other: 0 };
/** Next's build output, image optimizer and icons: not pages, the proxy does not run for them. */
const STATIC_PATH = /^\/(_next\/static|_next\/image|favicon\.ico|icon\.svg)/;

/** Pages of ours that do not exist and that a step goes to on purpose (a hostile next kept as a path on the site). */
const expectedNotFound = new Set();

function watch(page, who, base) {
  // The Stripe emulator's hosted pages are not ours: only their failed requests (not their favicon) count.
  const ours = () => page.url().startsWith(base);
  // Every CSP violation in one of our pages fails the run (Chrome also logs it, but a listener cannot miss one).
  page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const violation = `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'document'}:${e.lineNumber})`;
      window.__cspViolations.push(violation);
      console.error(`CSP violation: ${violation}`);
    });
  });
  // Every response of ours that the proxy handles (documents, RSC payloads, server actions, redirects): its headers.
  page.on('response', async (r) => {
    const url = new URL(r.url());
    if (!r.url().startsWith(base) || STATIC_PATH.test(url.pathname)) return;
    let headers;
    try { headers = await r.allHeaders(); } catch { return; } // the page went away meanwhile
    for (const problem of securityHeaderProblems(headers)) failures.push(`${who} headers of ${r.request().method()} ${r.url()} (${r.status()}): ${problem}`);
    let isDocument = false;
    try { isDocument = r.request().isNavigationRequest() && r.request().frame() === page.mainFrame(); } catch { /* no frame (a worker) */ }
    if (!isDocument) return void securityChecks.other++;
    securityChecks.documents++;
    const nonce = nonceOf(headers['content-security-policy']);
    if (nonce && nonces.has(nonce)) failures.push(`${who} ${r.url()}: CSP nonce ${nonce} used twice`);
    if (nonce) nonces.add(nonce);
    if (r.status() < 300 || r.status() >= 400) documents.set(page, { url: r.url(), nonce });
  });
  page.on('console', (m) => { if (m.type() === 'error' && ours() && !expectedNotFound.has(m.location().url)) failures.push(`${who} console error: ${m.text()} (${page.url()})`); });
  page.on('pageerror', (e) => failures.push(`${who} page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) failures.push(`${who} request failed: ${r.method()} ${r.url()} ${reason}`);
  });
  page.on('response', (r) => { if (r.status() >= 400 && !(r.url().endsWith('/favicon.ico') && !r.url().startsWith(base)) && !(r.status() === 404 && expectedNotFound.has(r.url()))) failures.push(`${who} HTTP ${r.status()}: ${r.request().method()} ${r.url()}`); });
  page.on('dialog', (d) => d.accept());
}

/** The security side of a page's check: its document had the headers (watch), its scripts its nonce, no CSP violation. */
async function checkSecurity(page, name) {
  const shown = documents.get(page);
  if (!shown || !page.url().startsWith(new URL(shown.url).origin)) return void failures.push(`headers ${name}: no document response of ours seen for ${page.url()}`);
  // Next.js puts the response's nonce on its inline scripts (the property: browsers hide the attribute's value).
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ inline: !s.src, nonce: s.nonce })));
  const inline = scripts.filter((s) => s.inline);
  if (!inline.length || inline.some((s) => s.nonce !== shown.nonce)) failures.push(`headers ${name}: inline scripts without the document's nonce ${shown.nonce}: ${JSON.stringify(inline.map((s) => s.nonce))}`);
  const violations = await page.evaluate(() => window.__cspViolations ?? ['the violation listener is missing']);
  for (const v of violations) failures.push(`headers ${name}: CSP violation: ${v}`);
  log(`headers ${name}: CSP with nonce, frame-ancestors 'none', nosniff, Referrer-Policy, X-Frame-Options; ${inline.length} inline script(s) nonced; ${violations.length} violation(s)`);
}

async function check(page, name) {
  await checkSecurity(page, name);
  // Next.js re-renders a page's metadata a moment after its body on a soft navigation (a server action's redirect,
  // say), so <title> can be missing for a few milliseconds. Audit the settled page: wait for the title, then let axe
  // judge — a page whose title never comes still fails on document-title.
  const waited = Date.now();
  const titled = await page.waitForFunction(() => document.title.trim() !== '', null, { timeout: 5000 }).then(() => true, () => false);
  if (Date.now() - waited > 50) log(`axe ${name}: waited ${Date.now() - waited} ms for the page's title${titled ? '' : ' (never came)'}`);
  const audit = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  let results = await audit();
  // The title can also go for a moment while Next.js swaps the old page's metadata for the new one, after the wait
  // above saw the old title: audit once more when the title is back. A page without a title fails both audits.
  if (results.violations.some((v) => v.id === 'document-title')) {
    const back = await page.waitForFunction(() => document.title.trim() !== '', null, { timeout: 5000 }).then(() => true, () => false);
    log(`axe ${name}: no <title> during the audit; ${back ? 'it came back: auditing again' : 'it never came back'}`);
    if (back) results = await audit();
  }
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) failures.push(`axe ${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  log(`axe ${name}: ${results.violations.length} violation(s), ${bad.length} serious/critical`);
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Pages of the story, so that a failing step can say where each one was and what it showed. */
const openPages = new Map();

async function step(name, fn) {
  const t = Date.now();
  try {
    await fn();
  } catch (error) {
    for (const [who, page] of openPages) {
      const alerts = await page.getByRole('alert').allInnerTexts().catch(() => []);
      log(`✗ ${name}: ${who} at ${page.url()}${alerts.length ? `, alerts: ${JSON.stringify(alerts)}` : ''}`);
      await page.screenshot({ path: join(OUT, `failed-${who}.png`), fullPage: true }).catch(() => undefined);
    }
    throw error;
  }
  log(`✓ ${name} (${Date.now() - t} ms)`);
}

async function signUp(page, base, name, email) {
  await page.goto(`${base}/signup`);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('e2e-password-2026');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

/** Goes through the challenge wizard (terms optional); ends on the new draft's page. */
async function createChallenge(page, base, title, summary, prizes, terms) {
  await page.goto(`${base}/sponsor/new-challenge`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Description').fill('Requirements: removes 99% of bacteria. Judged on cost and durability.');
  if (terms) await page.getByLabel('Terms', { exact: true }).fill(terms);
  await page.getByRole('button', { name: 'Next' }).click();
  for (const [i, [label, amount]] of prizes.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add a prize' }).click();
    await page.getByLabel(`Prize ${i + 1} label`).fill(label);
    await page.getByLabel(`Prize ${i + 1} amount (USD)`).fill(amount);
  }
  await page.getByRole('button', { name: 'Next' }).click();
  const d = new Date(Date.now() + 30 * 864e5);
  const pad = (n) => String(n).padStart(2, '0');
  await page.getByLabel('Submission deadline').fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T12:00`);
  await page.getByRole('button', { name: 'Create draft challenge' }).click();
  await page.waitForURL(/\/challenges\/[0-9a-f-]+\?created=1/);
}

/**
 * Where a GET of `url` (with the page's cookies) sends the browser: the Location of a 3xx, or, when the page streamed
 * before redirecting (a 200), the URL of the refresh Next.js writes into it (`<meta id="__next-page-redirect">`).
 */
async function redirectTarget(page, url) {
  const response = await page.request.get(url, { maxRedirects: 0 });
  if (response.status() >= 300 && response.status() < 400) return response.headers()['location'] ?? '';
  const html = await response.text();
  const meta = /<meta[^>]*id="__next-page-redirect"[^>]*>/.exec(html)?.[0] ?? /<meta[^>]*http-equiv="refresh"[^>]*>/i.exec(html)?.[0];
  const content = meta && /content="[^"]*?url=([^"]*)"/i.exec(meta)?.[1];
  if (content === undefined || content === null) throw new Error(`${url}: no redirect (${response.status()})`);
  return content.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

async function userId(page, base) {
  await page.goto(`${base}/me/profile`);
  const id = (await page.locator('#user-id').textContent())?.trim();
  if (!id) throw new Error('no user id on the profile page');
  return id;
}

async function story(browser, base) {
  const run = Date.now().toString(36);
  const word = `zephyr${run}`;
  const title = `Low-cost ${word} water filter`;
  const terms = 'Winning solutions assign their IP to the sponsor.\nKeep the brief confidential.';
  const sponsorCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const solverCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const sponsor = await sponsorCtx.newPage();
  const solver = await solverCtx.newPage();
  watch(sponsor, 'sponsor', base);
  watch(solver, 'solver', base);
  openPages.set('sponsor', sponsor).set('solver', solver);
  let challengeUrl = '';

  await step('home and browse are accessible', async () => {
    await solver.goto(base);
    await solver.getByRole('heading', { level: 1 }).waitFor();
    await check(solver, 'home');
    await solver.goto(`${base}/challenges`);
    await check(solver, 'browse');
  });

  await step('sponsor signs up and creates an organization', async () => {
    await signUp(sponsor, base, 'E2E Sponsor', `sponsor-${run}@e2e.test`);
    await sponsor.goto(`${base}/sponsor`);
    await sponsor.getByLabel('Organization name').fill(`E2E Labs ${run}`);
    await sponsor.getByRole('button', { name: 'Create organization' }).click();
    await sponsor.getByText('Organization created.').waitFor();
  });

  await step('sponsor creates a challenge with prizes and terms', async () => {
    await createChallenge(sponsor, base, title, `Design a ${word} filter under 5 USD.`, [['First prize', '1000'], ['Runner-up', '250.50']], terms);
    challengeUrl = sponsor.url().split('?')[0];
    await sponsor.getByText('$1,250.50 in total').waitFor();
    await sponsor.getByRole('heading', { level: 2, name: 'Terms' }).waitFor();
    await sponsor.getByText('Keep the brief confidential.', { exact: false }).waitFor();
  });

  await step('sponsor edits the draft: a new summary', async () => {
    const newSummary = `Design a ${word} filter under 4 USD, tested in a village.`;
    await sponsor.waitForLoadState('networkidle');
    await sponsor.getByRole('link', { name: 'Edit challenge' }).click();
    await sponsor.waitForURL(/\/edit$/);
    await sponsor.getByRole('heading', { level: 1, name: 'Edit challenge' }).waitFor();
    await sponsor.getByText('Prizes and currency are fixed: cancel this draft and create a new one to change them.').waitFor();
    // Let the form hydrate (the deadline field is filled in the reader's time zone) before using it.
    await sponsor.waitForLoadState('networkidle');
    await check(sponsor, 'edit');
    await sponsor.getByLabel('Summary', { exact: true }).fill(newSummary);
    await sponsor.getByRole('button', { name: 'Save changes' }).click();
    await sponsor.waitForURL((u) => u.pathname === new URL(challengeUrl).pathname);
    await sponsor.getByRole('status').filter({ hasText: 'Challenge updated.' }).waitFor();
    await sponsor.getByText(newSummary).waitFor();
  });

  await step('sponsor funds it on the payment page', async () => {
    // The page has just been reached by a redirect: let it finish loading (hydration) before using its form.
    await sponsor.waitForLoadState('networkidle');
    await sponsor.getByRole('button', { name: 'Fund prize pool' }).click();
    await sponsor.waitForURL(/\/hosted\/pay\//);
    await sponsor.locator('input[value="pm_card_visa"]').check();
    await sponsor.getByRole('button', { name: /^Pay/ }).click();
    await sponsor.waitForURL(/funding=return/);
    await sponsor.getByRole('button', { name: 'Publish challenge' }).waitFor({ timeout: 60000 });
  });

  await step('sponsor publishes', async () => {
    await sponsor.getByRole('button', { name: 'Publish challenge' }).click();
    await sponsor.getByRole('button', { name: 'Close submissions' }).waitFor();
    // The outcome stays on screen after the page re-renders without the button, and the address is cleaned up.
    await sponsor.getByRole('status').filter({ hasText: 'Published: solvers can now find and enter it.' }).waitFor();
    await sponsor.waitForURL((u) => !u.searchParams.has('done'));
  });

  await step('sponsor cancels a second, unfunded draft after confirming', async () => {
    const draftTitle = `Draft to cancel ${run}`;
    await createChallenge(sponsor, base, draftTitle, 'A draft that is cancelled before funding.', [['Only prize', '500']]);
    await sponsor.getByRole('button', { name: 'Cancel challenge' }).click();
    const confirm = sponsor.getByRole('group', { name: `Cancel “${draftTitle}”?` });
    await confirm.getByText('Nothing has been paid, so nothing is refunded.').waitFor();
    await check(sponsor, 'cancel-confirm');
    await confirm.getByRole('button', { name: 'Keep challenge' }).click();
    await sponsor.getByRole('button', { name: 'Cancel challenge' }).click();
    await sponsor.getByRole('button', { name: 'Yes, cancel challenge' }).click();
    await sponsor.getByRole('status').filter({ hasText: 'Challenge cancelled.' }).waitFor();
    await sponsor.getByText('Cancelled', { exact: true }).first().waitFor();
    if (await sponsor.getByRole('button', { name: 'Cancel challenge' }).count()) throw new Error('cancel still offered on a cancelled challenge');
    await check(sponsor, 'cancelled');
  });

  await step('solver finds it by search, submits and resubmits', async () => {
    await signUp(solver, base, 'E2E Solver', `solver-${run}@e2e.test`);
    await solver.goto(`${base}/challenges`);
    await solver.getByLabel('Search').fill(word);
    await solver.getByRole('button', { name: 'Search' }).click();
    await solver.waitForURL(/q=/);
    // Minimum prize in a chosen currency, converted exactly: the pool is $1,250.50.
    await solver.getByLabel('Prize currency').selectOption('USD');
    await solver.getByLabel('Minimum prize').fill('1250.505');
    await solver.getByRole('button', { name: 'Search' }).click();
    await solver.getByText('At most 2 decimal places for USD').waitFor();
    await solver.getByLabel('Minimum prize').fill('1250.51');
    await solver.getByRole('button', { name: 'Search' }).click();
    await solver.waitForURL(/minPrize=1250.51/);
    await solver.getByText('No challenges match').waitFor();
    await solver.getByLabel('Minimum prize').fill('1,250.50');
    await solver.getByRole('button', { name: 'Search' }).click();
    await solver.waitForURL(/minPrize=1%2C250.50/);
    await check(solver, 'browse-filtered');
    await solver.getByRole('link', { name: title }).click();
    await solver.waitForURL(challengeUrl);
    await solver.getByRole('heading', { level: 2, name: 'Terms' }).waitFor();
    await check(solver, 'detail');
    // A question for the sponsor about the brief (answered and published in the sponsor's step).
    await solver.getByLabel('Your question').fill('May the filter use imported copper mesh?');
    await solver.getByRole('button', { name: 'Ask the sponsor' }).click();
    await solver.getByRole('status').filter({ hasText: 'Question sent.' }).waitFor();
    await solver.getByText('Waiting for an answer').waitFor();
    await solver.getByLabel('Solution title').fill('Ceramic + copper mesh');
    await solver.getByLabel('Solution', { exact: true }).fill('Fire local clay with sawdust, coat with copper mesh.');
    // The terms must be accepted: the browser holds the form back while the box is unticked.
    const accept = solver.getByRole('checkbox', { name: 'I have read and accept the terms of this challenge' });
    await solver.getByRole('button', { name: 'Submit solution' }).click();
    if (!(await accept.evaluate((box) => box.validity.valueMissing))) throw new Error('the terms checkbox is not required');
    await solver.waitForTimeout(500);
    if (await solver.getByText(/version 1 of your solution/).count()) throw new Error('submitted without accepting the terms');
    await accept.check();
    await solver.getByRole('button', { name: 'Submit solution' }).click();
    await solver.getByText(/version 1 of your solution/).waitFor();
    await solver.getByText('You accepted the terms on this challenge.').waitFor();
    if (await accept.count()) throw new Error('the terms checkbox is still offered after accepting');
    await check(solver, 'submit');
    await solver.getByLabel('Solution title').fill('Ceramic + copper mesh, v2');
    await solver.getByRole('button', { name: 'Resubmit solution' }).click();
    await solver.getByText('Resubmitted: this is version 2 of your solution.').waitFor();
  });

  await step('log-in redirects stay on the site, whatever next says', async () => {
    // Signed in (the solver), /login redirects at once to next: each variant must land on this site. Values are what
    // the page receives after the query string is decoded once (encodeURIComponent below).
    const variants = ['/\t/evil.example', '\t//evil.example', '/\n/evil.example', '/\\evil.example', '\\\\evil.example', '%2F%2Fevil.example', '/%09/evil.example',
      '%5C%5Cevil.example', 'https://evil.example', '//evil.example', '///evil.example', 'http:evil.example', 'javascript:alert(1)', '/.//evil.example'];
    const origin = new URL(base).origin;
    for (const next of variants) {
      const url = `${base}/login?next=${encodeURIComponent(next)}`;
      const location = await redirectTarget(solver, url);
      if (new URL(location, url).origin !== origin) throw new Error(`${JSON.stringify(next)}: redirects to ${JSON.stringify(location)}`);
      // Encoded variants stay paths on this site (/%2F%2Fevil.example): a 404 of ours, with the headers all the same.
      expectedNotFound.add(new URL(location, url).href);
      await solver.goto(url);
      await solver.waitForURL((u) => u.pathname !== '/login', { timeout: 10000 }).catch(() => undefined);
      if (new URL(solver.url()).origin !== origin || new URL(solver.url()).pathname === '/login') throw new Error(`${JSON.stringify(next)}: the browser is at ${solver.url()}`);
    }
    // The finding's own address, as sent; and a legitimate next is followed with its query.
    const finding = await redirectTarget(solver, `${base}/login?next=%2F%09%2Fevil.example`);
    if (finding !== '/') throw new Error(`the tab variant redirects to ${JSON.stringify(finding)}`);
    await solver.goto(`${base}/login?next=${encodeURIComponent('/challenges?q=' + word)}`);
    await solver.waitForURL(`${base}/challenges?q=${word}`);
    log(`${variants.length} hostile next values: all stay on ${origin}`);
  });

  await step('sponsor closes submissions and awards', async () => {
    // First the solver's question, answered and published from the review page while still OPEN.
    await sponsor.goto(`${challengeUrl}/review`);
    const question = sponsor.getByRole('form', { name: 'May the filter use imported copper mesh?' });
    await question.getByLabel('Answer', { exact: true }).fill('Yes: any copper mesh you can source locally or import.');
    await question.getByRole('checkbox', { name: 'Publish for everyone' }).check();
    await question.getByRole('button', { name: 'Save answer' }).click();
    await sponsor.getByRole('status').filter({ hasText: 'Answer saved.' }).waitFor();
    await check(sponsor, 'questions');
    await sponsor.goto(challengeUrl);
    await sponsor.getByText('Yes: any copper mesh you can source locally or import.').first().waitFor();
    await sponsor.getByRole('button', { name: 'Close submissions' }).click();
    await sponsor.getByText('Judging', { exact: true }).waitFor();
    await sponsor.getByRole('status').filter({ hasText: 'Submissions closed: judging has started.' }).waitFor();
    await sponsor.goto(`${challengeUrl}/review`);
    await sponsor.getByText('Ceramic + copper mesh, v2').first().waitFor();
    await check(sponsor, 'award');
    // The judges shortlist the submission, then judge from the Shortlist tab.
    const card = () => sponsor.getByRole('article', { name: 'Ceramic + copper mesh, v2' });
    await card().getByRole('button', { name: 'Add to shortlist' }).click();
    await sponsor.getByRole('status').filter({ hasText: 'Added to the shortlist.' }).waitFor();
    await card().getByText('Shortlisted', { exact: true }).waitFor();
    await card().getByRole('button', { name: 'Remove from shortlist' }).waitFor();
    await sponsor.getByRole('link', { name: 'Shortlist (1)' }).click();
    await sponsor.waitForURL(/\/review\?view=shortlist/);
    if ((await sponsor.getByRole('link', { name: 'Shortlist (1)' }).getAttribute('aria-current')) !== 'page') throw new Error('the Shortlist tab is not marked current');
    await card().waitFor();
    await check(sponsor, 'shortlist');
    // Award First prize from the card (the confirm dialog is accepted by watch()).
    await card().getByLabel('Prize for Ceramic + copper mesh, v2').selectOption({ label: '1. First prize — $1,000.00' });
    await card().getByRole('button', { name: 'Award', exact: true }).click();
    await sponsor.getByText(/Awarded to “Ceramic/).waitFor();
    await sponsor.getByRole('status').filter({ hasText: 'Prize awarded.' }).waitFor();
    await sponsor.getByRole('button', { name: 'Finish judging' }).click();
    await sponsor.getByText('Awarded', { exact: true }).waitFor();
    await check(sponsor, 'escrow');
  });

  await step('solver onboards and sees the payout paid', async () => {
    await solver.goto(`${base}/me/payouts`);
    await solver.getByRole('cell', { name: title }).waitFor();
    await solver.getByRole('button', { name: /payout onboarding/ }).click();
    await solver.waitForURL(/\/hosted\/onboarding\//);
    await solver.locator('input[value="complete"]').check();
    await solver.getByRole('button', { name: 'Submit' }).click();
    await solver.waitForURL(/\/me\/payouts\?onboarding=return/);
    const until = Date.now() + 60000;
    while (!(await solver.getByText('Paid', { exact: true }).count())) {
      if (Date.now() > until) throw new Error('payout never became PAID');
      await solver.waitForTimeout(2000);
      await solver.reload();
    }
    await check(solver, 'payouts');
  });

  await step('sponsor invites the solver as an admin, who accepts; an admin cannot change the owner', async () => {
    const solverId = await userId(solver, base);
    const sponsorId = await userId(sponsor, base);
    await sponsor.goto(`${base}/sponsor`);
    await sponsor.getByRole('link', { name: `Manage members of E2E Labs ${run}` }).click();
    await sponsor.getByRole('heading', { level: 1, name: `Members of E2E Labs ${run}` }).waitFor();
    await check(sponsor, 'members');
    const membersUrl = sponsor.url();
    await sponsor.getByLabel('User ID').fill(solverId);
    await sponsor.getByLabel('Role', { exact: true }).selectOption('ADMIN');
    await sponsor.getByRole('button', { name: 'Save member' }).click();
    // Nobody joins without consent: the solver is invited, and accepts on their sponsor dashboard.
    await sponsor.getByText(`Invitation sent: user ${solverId} becomes an admin once they accept it on their sponsor dashboard.`).waitFor();
    await sponsor.reload();
    await sponsor.getByRole('row').filter({ hasText: solverId }).filter({ hasText: 'Admin' }).waitFor();
    await check(sponsor, 'members-invited');

    await solver.goto(`${base}/sponsor`);
    await solver.getByRole('heading', { name: 'Invitations to join' }).waitFor();
    await check(solver, 'invitations');
    await solver.getByRole('button', { name: `Accept the invitation to E2E Labs ${run}` }).click();
    await solver.getByText('Invitation accepted: you are now a member of the organization.').waitFor();

    await solver.goto(membersUrl);
    await solver.getByText('Your role: Admin').waitFor();
    // Every member sees who is in the organization, owner first.
    await solver.getByRole('row').filter({ hasText: solverId }).filter({ hasText: 'Admin' }).waitFor();
    const rows = await solver.getByRole('row').allInnerTexts();
    if (!rows[1]?.includes(sponsorId) || !rows[1]?.includes('Owner')) throw new Error(`members table: owner not first: ${JSON.stringify(rows)}`);
    await solver.getByLabel('User ID').fill(sponsorId);
    await solver.getByLabel('Role', { exact: true }).selectOption('MEMBER');
    await solver.getByRole('button', { name: 'Save member' }).click();
    await solver.getByRole('alert').filter({ hasText: 'Only an OWNER can change the role of an OWNER or ADMIN' }).waitFor();
    await check(solver, 'members-forbidden');
  });

  await step('solver forgets the password: reset link by mail, new password, signed in', async () => {
    // The link is read from the mail `npm start` prints (no mail server locally); a reused stack's output is not ours.
    if (!stackOutput) return log('skipped: the stack was already running, its mail is not visible here');
    const email = `solver-${run}@e2e.test`;
    await solver.getByRole('button', { name: 'Log out' }).click();
    await solver.getByRole('link', { name: 'Log in', exact: true }).first().waitFor(); // signed out (else /login redirects)

    // Another browser signed in as the same solver (another device, or whoever stole the password): the reset must
    // end its session.
    const otherCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await otherCtx.newPage();
    watch(other, 'solver-elsewhere', base);
    openPages.set('solver-elsewhere', other);
    await other.goto(`${base}/login`);
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password').fill('e2e-password-2026');
    // The log-in action checks next itself too: a tampered form field still lands on the site (home).
    await other.locator('input[name="next"]').evaluate((input) => { input.value = '/\t/evil.example'; });
    await other.getByRole('button', { name: 'Log in', exact: true }).click();
    await other.getByRole('button', { name: 'Log out' }).waitFor();
    if (new URL(other.url()).pathname !== '/') throw new Error(`log-in with a tampered next landed on ${other.url()}`);

    await solver.goto(`${base}/login`);
    await solver.getByRole('link', { name: 'Forgot your password?' }).click();
    await solver.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await solver.getByLabel('Email').fill(email);
    await solver.getByRole('button', { name: 'Send reset link' }).click();
    await solver.getByText('If an account exists for that address, we have sent a link to reset its password.').waitFor();
    await check(solver, 'forgot-password');

    const mailed = new RegExp(`mail to ${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[\\s\\S]*?/reset-password\\?token=([A-Za-z0-9_-]+)`);
    let token;
    await waitFor(async () => (token = mailed.exec(stackOutput())?.[1]) !== undefined, 'the reset mail in the stack output', 20000);
    await solver.goto(`${base}/reset-password?token=${token}`);
    await solver.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await check(solver, 'reset-password');
    await solver.getByLabel('New password', { exact: true }).fill('e2e-new-password-2026');
    await solver.getByLabel('Confirm new password').fill('e2e-new-password-2026');
    await solver.getByRole('button', { name: 'Change password' }).click();
    await solver.waitForURL(/\/me\/profile/);
    await solver.getByText('Your password has been changed.').waitFor();
    await solver.getByRole('button', { name: 'Log out' }).waitFor();

    // The other browser's access token lives out its lifetime (15 minutes: the gateway checks no state). Once it is
    // gone (its cookie deleted here, as if the 15 minutes had passed), the refresh the proxy asks for is refused:
    // that session is over, and the profile sends it to log in.
    await otherCtx.clearCookies({ name: 'ideagora_session' });
    await other.goto(`${base}/me/profile`);
    await other.waitForURL(/\/login\?next=/);
    await other.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    const otherCookies = (await otherCtx.cookies()).map((c) => c.name);
    if (otherCookies.some((name) => name.startsWith('ideagora_'))) throw new Error(`the ended session left cookies: ${otherCookies.join(', ')}`);
    openPages.delete('solver-elsewhere');
    await otherCtx.close();

    // This browser's session goes on without its access token: the proxy renews it from the refresh token.
    await solverCtx.clearCookies({ name: 'ideagora_session' });
    await solver.goto(`${base}/me/profile`);
    await solver.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await solver.getByRole('button', { name: 'Log out' }).waitFor();
    if (!(await solverCtx.cookies()).some((c) => c.name === 'ideagora_session')) throw new Error('the refreshed access token was not kept');

    // The link worked once.
    await solver.goto(`${base}/reset-password?token=${token}`);
    await solver.getByLabel('New password', { exact: true }).fill('e2e-third-password-2026');
    await solver.getByLabel('Confirm new password').fill('e2e-third-password-2026');
    await solver.getByRole('button', { name: 'Change password' }).click();
    await solver.getByText('This reset link is invalid or has expired.').waitFor();
  });
  await sponsorCtx.close();
  await solverCtx.close();
  if (!securityChecks.documents) failures.push('headers: no document response was checked');
  log(`security headers checked on ${securityChecks.documents} documents and ${securityChecks.other} other responses; ${nonces.size} distinct nonces`);
}

let code = 0;
try {
  await main();
} catch (error) {
  failures.push(`story failed: ${error instanceof Error ? error.stack : error}`);
} finally {
  await stopAll();
}
if (failures.length) {
  code = 1;
  // Server-side errors are hidden from the browser in production builds: show what `next start` logged.
  const serverLog = webOutput().trim().split('\n').slice(-60).join('\n');
  if (serverLog) console.error(`\n[e2e] last lines of the web server's output:\n${serverLog}`);
  console.error(`\n[e2e] FAILED (${failures.length}):\n - ${failures.join('\n - ')}`);
} else console.log('\n[e2e] PASSED: screenshots in web/test-output/');
process.exit(code);
