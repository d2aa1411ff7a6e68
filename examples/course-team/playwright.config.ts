import { defineConfig } from '@playwright/test';
import type { LabCheckOptions } from 'lab-check/playwright';

export default defineConfig<LabCheckOptions>({
  testDir: 'tests',
  globalSetup: './serve.ts',
  workers: 1,
  reporter: 'list',
  use: {
    // The sites the extension may check: the course page's own origin.
    labCheckHosts: ['http://127.0.0.1/*'],
    // Chromium is $LAB_CHECK_CHROMIUM, else Debian's /usr/bin/chromium. To name a build here:
    // labCheckBrowser: '/opt/chromium/chrome',
  },
});
