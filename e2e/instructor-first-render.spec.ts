/**
 * The instructor page given input during its first render, before Preact
 * runs the page's passive effects, which wait for the next frame: a file
 * picked or a lab chosen at that moment must still reach the regrade worker.
 * A script added before the page loads makes the input from a
 * MutationObserver, whose callback runs right after the render's DOM changes.
 */
import { join } from 'node:path';
import { expect, test } from '../src/playwright/index.ts';

const SUBMISSION = join(import.meta.dirname, 'submissions', 'aws-assume-role-temporary-access', 'per-step.json');

test('file picked at first render graded', async ({ page, extensionId }) => {
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      const input = document.querySelector('[data-testid="pick-files"]');
      if (!(input instanceof HTMLInputElement)) return;
      observer.disconnect();
      const transfer = new DataTransfer();
      transfer.items.add(new File(['role_name = "TemporaryAccessRole"\n'], 'first-render.py'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${extensionId}/instructor.html`);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('summary')).toHaveText('1 submission: 1 graded, 0 flagged, 0 unreadable');
});

test('lab chosen at first render applied', async ({ page, extensionId }) => {
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      const select = document.querySelector('[data-testid="lab"]');
      if (!(select instanceof HTMLSelectElement)) return;
      observer.disconnect();
      select.value = 'aws-ec2-instance-profile-role';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${extensionId}/instructor.html`);
  await expect(page.getByTestId('lab')).toHaveValue('aws-ec2-instance-profile-role');

  // The submission names the other lab, so it is unreadable under the chosen lab. Detection would grade it.
  await page.getByTestId('pick-files').setInputFiles([SUBMISSION]);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('summary')).toHaveText('1 submission: 0 graded, 0 flagged, 1 unreadable');
  await expect(page.getByTestId('row')).toHaveAttribute('data-outcome', 'error');
});
