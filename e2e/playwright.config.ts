/**
 * Playwright configuration of the e2e suite: Debian's Chromium with the
 * built extension, against the fixture course pages. One worker, because
 * each worker runs its own Chromium and the suite shares two cores.
 */
import { defineConfig } from '@playwright/test';
import { findChromium } from '../src/playwright/browser.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'artifacts/test-results',
  reporter: [['list']],
  // For the reader tests, which use Playwright's own `browser`; the extension tests launch their own.
  use: { launchOptions: { executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] } },
});
