// Browser tests: `npm run test:e2e` (= playwright test -c web/e2e/playwright.config.ts). How to run one spec, see a
// trace or add a spec: web/README.md, "Browser tests".
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (nothing here downloads a browser: never `playwright install`). */
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Starts `npm start` (or reuses a running stack) and `next start`; its returned function stops them.
  globalSetup: './global-setup.ts',
  outputDir: '../test-output/artifacts',
  // The stories are sequential (sponsor, then solver…) and the machine small: one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A step may wait for a webhook or a payout (up to a minute).
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: '../test-output/html-report' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir here).
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    { name: 'mobile', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } },
    { name: 'desktop', use: { viewport: { width: 1440, height: 900 } } },
  ],
});
