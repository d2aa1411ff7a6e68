/**
 * The instructor page when its grading workers cannot start: a copy of the
 * e2e build without instructor-grader.js. The regrade worker must grade the
 * jobs itself, not wait for replies that never come.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/playwright/browser.ts';
import { expect, test as labCheckTest } from '../src/playwright/index.ts';

const SUBMISSIONS_DIR = join(import.meta.dirname, 'submissions', 'aws-assume-role-temporary-access');

const test = labCheckTest.extend<object, { labCheckExtension: string | undefined }>({
  labCheckExtension: [
    async ({}, use) => {
      const build = mkdtempSync(join(tmpdir(), 'lab-check-no-grader-'));
      try {
        cpSync(join(packageRoot(), 'dist', 'chrome-e2e'), build, { recursive: true });
        rmSync(join(build, 'instructor-grader.js'));
        await use(build);
      } finally {
        rmSync(build, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
});

test('files graded without grading workers', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/instructor.html`);
  const files = ['correct.py', 'mistakes.py', 'per-step.json'].map((name) => join(SUBMISSIONS_DIR, name));
  await page.getByTestId('pick-files').setInputFiles(files);

  await expect(page.getByTestId('progress')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('summary')).toHaveText('3 submissions: 3 graded, 0 flagged, 0 unreadable');
  await expect(page.locator('[data-learner="correct"] [data-testid="score"]')).toHaveText('4/9');
  await expect(page.locator('[data-learner="mistakes"] [data-testid="score"]')).toHaveText('0/9');
  await expect(page.locator('[data-learner="per-step"] [data-testid="score"]')).toHaveText('7/9');
  await expect(page.locator('.failure')).toHaveCount(0);
});
