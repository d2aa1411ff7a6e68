/**
 * "Export submission" end to end: the popup saves the graded answers, and
 * `lab-check verify` regrades the saved file and finds that it matches.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuiz, expect, fillSteps, test } from './lab-test.ts';
import { SOLUTION } from './solutions.ts';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'lab-check.js');

function verify(file: string): { status: number; output: string } {
  try {
    return { status: 0, output: execFileSync(process.execPath, [CLI, 'verify', file, '--format', 'json'], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, output: failed.stdout };
  }
}

test('popup export verifies and tampering is caught', async ({ page, openCourse, checkPage }, testInfo) => {
  await openCourse(page, 'textarea');
  await fillSteps(page, { ...SOLUTION, 'role-name': 'role_name = "temporaryaccessrole"' });
  await answerQuiz(page, { '1': 'B', '2': 'A' });
  const { report, popup } = await checkPage(page);
  expect(report?.score.possible).toBeGreaterThan(0);

  const downloaded = popup.waitForEvent('download');
  await popup.getByTestId('export-submission').click();
  const file = testInfo.outputPath('export.json');
  await (await downloaded).saveAs(file);

  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.report.score).toEqual(report?.score);
  const honest = verify(file);
  expect(honest.status).toBe(0);
  expect(honest.output).not.toMatch(/DIGEST_MISMATCH|CLAIM_MISMATCH/);

  exported.report.score.earned = exported.report.score.possible;
  const tampered = testInfo.outputPath('tampered.json');
  writeFileSync(tampered, JSON.stringify(exported));
  const caught = verify(tampered);
  expect(caught.status).not.toBe(0);
  expect(caught.output).toMatch(/DIGEST_MISMATCH/);
});
