/**
 * The instructor page with "Detect for each submission": a file of one
 * lab, picked first, must not decide the lab of the files
 * after it, and the table shows the steps of every lab graded.
 */
import { join } from 'node:path';
import { expect, test } from '../src/playwright/index.ts';

const EXAMPLES = join(import.meta.dirname, 'submissions');

test('page grades each file by its lab', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/instructor.html`);
  await page.getByTestId('pick-files').setInputFiles([
    join(EXAMPLES, 'aws-ec2-instance-profile-role', 'account-principal.sh'),
    join(EXAMPLES, 'aws-assume-role-temporary-access', 'correct.js'),
  ]);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('summary')).toHaveText('2 submissions: 2 graded, 0 flagged, 0 unreadable');

  const rows = page.getByTestId('row');
  await expect(rows.nth(0).locator('[data-step="create-role"]')).toHaveText('pass');
  await expect(rows.nth(0).locator('[data-step="role-name"]')).toHaveText('');
  await expect(rows.nth(1).locator('[data-step="role-name"]')).toHaveText('pass');
  await expect(rows.nth(1).locator('[data-step="create-role"]')).toHaveText('');
  await expect(rows.nth(1).getByTestId('score')).toHaveText('4/9');
});
