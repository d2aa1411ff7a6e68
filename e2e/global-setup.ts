/**
 * Builds the fixture pages for this run and checks that the extension was
 * built. The pages go to a folder of their own, named in
 * `$LAB_CHECK_FIXTURES` for the test workers, because `npm start` and the
 * benchmarks rebuild e2e/.build and would delete pages under a running suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildFixtures } from './build-fixtures.mjs';
import { findExtension } from '../src/playwright/browser.ts';
import { FIXTURES_ENV } from './fixtures-dir.ts';

/** How long to wait for a build that another process is writing into dist/ at the same moment. */
const BUILD_WAIT_MS = 30_000;

async function waitForExtension(): Promise<void> {
  const deadline = Date.now() + BUILD_WAIT_MS;
  for (;;) {
    try {
      findExtension();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

export default async function globalSetup(): Promise<() => void> {
  await waitForExtension();
  const dir = mkdtempSync(join(tmpdir(), 'lab-check-fixtures-'));
  await buildFixtures(dir);
  process.env[FIXTURES_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
