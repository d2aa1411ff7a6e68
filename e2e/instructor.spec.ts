/**
 * The instructor page end to end. A class of 1,000 generated submissions
 * (code files, exports, a CSV roster and a ZIP archive, plus bad inputs)
 * is picked on the page and regraded in its worker. The table and the
 * downloaded CSV are then checked against the engine run in Node.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from '../src/playwright/index.ts';
import { findLab, gradeSubmission, type SubmissionInput } from '../src/core/engine/index.ts';
import { parseCsv } from '../src/core/submissions/csv-parse.ts';
import { codeFile, exportFile, fakeLearner, LAB_ID, rosterCsv, tamperedExport, type FakeLearner } from '../scripts/fake-class.ts';

const ARTIFACTS_DIR = join(import.meta.dirname, 'artifacts');
const STEP_IDS = ['trust-policy', 'role-name', 'assume-role-command', 'create-role-command'];

interface ClassFolder {
  dir: string;
  paths: string[];
  learners: FakeLearner[];
  /** What the page receives of each learner: code files carry no quiz answers. */
  submitted: Map<string, SubmissionInput>;
  /** Learner ids the page must flag, with the flag codes. */
  flagged: Record<string, string[]>;
  /** Inputs the page must report as unreadable, by source, with the error code. */
  errors: Record<string, string>;
}

/**
 * Writes 1,000 learners' submissions: 500 code files, 200 exports (two of
 * them edited), 200 CSV rows and 100 code files in a ZIP archive, and
 * one learner twice. Bad inputs: a broken CSV row, a cut ZIP, a JSON
 * file for another lab and a 50 MB file.
 */
async function writeClass(): Promise<ClassFolder> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-check-class-'));
  const learners = Array.from({ length: 1000 }, (_, i) => fakeLearner(i));
  const withoutQuiz = ({ id, input }: FakeLearner): [string, SubmissionInput] => [id, { language: input.language!, code: input.code! }];
  const submitted = new Map(learners.map((learner, i) => (i < 500 || i >= 900 ? withoutQuiz(learner) : [learner.id, learner.input])));
  const paths: string[] = [];
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(dir, name), data);
    paths.push(join(dir, name));
  };

  for (const learner of learners.slice(0, 500)) {
    const file = codeFile(learner);
    write(file.name, file.text);
  }
  for (const [i, learner] of learners.slice(500, 700).entries()) {
    let file = await exportFile(learner);
    if (i === 0) file = await tamperedExport(file, false);
    if (i === 1) file = await tamperedExport(file, true);
    write(file.name, file.text);
  }
  const roster = rosterCsv(learners.slice(700, 900));
  const brokenAt = roster.indexOf('\r\nlearner-00703,') + 2;
  const brokenLine = roster.slice(0, brokenAt).split('\n').length;
  write('roster.csv', `${roster.slice(0, brokenAt)}learner-broken,python,"unclosed "quote,A,,,,\r\n${roster.slice(brokenAt)}`);
  const archive: Record<string, Uint8Array> = {};
  for (const learner of learners.slice(900, 1000)) {
    const file = codeFile(learner);
    archive[`uploads/${file.name}`] = strToU8(file.text);
  }
  write('uploads.zip', zipSync(archive));

  // A second file of learner 0 in a subfolder: the learner id is the file name, so the ids collide.
  mkdirSync(join(dir, 'again'));
  writeFileSync(join(dir, 'again', 'learner-00000.py'), codeFile(learners[0]!).text);
  paths.push(join(dir, 'again', 'learner-00000.py'));

  write('corrupt.zip', zipSync({ 'a.py': strToU8('x') }).subarray(0, 20));
  write('other-lab.json', JSON.stringify({ lab: 'aws-ec2-instance-profile-role', code: 'role_name = "x"' }));
  write('huge.py', '');
  truncateSync(join(dir, 'huge.py'), 50 * 1024 * 1024);

  return {
    dir,
    paths,
    learners,
    submitted,
    flagged: {
      'learner-00500': ['DIGEST_MISMATCH', 'CLAIM_MISMATCH'],
      'learner-00501': ['CLAIM_MISMATCH'],
      'learner-00000': ['DUPLICATE_LEARNER'],
    },
    errors: {
      [`roster.csv:${brokenLine}`]: 'CSV_QUOTE_STRAY',
      'corrupt.zip': 'ZIP_TRUNCATED',
      'other-lab.json': 'LAB_MISMATCH',
      'huge.py': 'FILE_TOO_LARGE',
    },
  };
}

let folder: ClassFolder;

test.beforeAll(async () => {
  folder = await writeClass();
});

test.afterAll(() => {
  rmSync(folder.dir, { recursive: true, force: true });
});

test('instructor page regrades a class of 1,000', async ({ page, extensionId }) => {
  test.setTimeout(240_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(`chrome-extension://${extensionId}/instructor.html`);
  await page.getByTestId('lab').selectOption(LAB_ID);
  await page.getByTestId('pick-files').setInputFiles(folder.paths);
  const progress = page.getByTestId('progress');
  await expect(progress).toHaveAttribute('data-state', 'done', { timeout: 180_000 });

  // 1,000 learners, learner 0 once more, and the four bad inputs.
  const total = 1000 + 1 + Object.keys(folder.errors).length;
  await expect(page.getByTestId('summary')).toHaveText(
    `${total} submissions: ${total - 4 - 3} graded, 3 flagged, 4 unreadable`,
  );

  await page.getByTestId('filter-show').selectOption('flagged');
  await expect(page.getByTestId('shown-count')).toHaveText('3 shown');
  const flaggedRows = page.getByTestId('row');
  await expect(flaggedRows).toHaveCount(3);
  const flagged: Record<string, string[]> = {};
  for (const row of await flaggedRows.all()) {
    const learner = (await row.getAttribute('data-learner')) ?? '';
    const codes = ((await row.locator('.flags').textContent()) ?? '').split(' ').filter(Boolean);
    flagged[learner] = [...(flagged[learner] ?? []), ...codes];
  }
  expect(flagged).toEqual(folder.flagged);

  await page.getByTestId('filter-show').selectOption('error');
  await expect(page.getByTestId('row')).toHaveCount(4);

  // The edited export: its flags, and its code with the faulty lines marked.
  await page.getByTestId('filter-show').selectOption('all');
  await page.getByTestId('filter-text').fill('learner-00500');
  await page.getByTestId('row').first().click();
  const detail = page.getByTestId('detail');
  await expect(detail.getByTestId('detail-flags')).toContainText('DIGEST_MISMATCH');
  await expect(detail.getByTestId('detail-flags')).toContainText('The digest does not match the content');
  // The fake learner 500 misspells the role name, which is on line 3 of its code.
  await expect(detail.locator('.line.marked[data-line="3"]')).toContainText('role_name="TempAccessRole"');
  await expect(detail.locator('.note[data-line="3"]')).toContainText('^ STRING_MISMATCH: role_name is "TempAccessRole"');
  await expect(detail.locator('.line.marked[data-line="2"]')).toHaveCount(0);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'instructor-detail.png') });

  await page.getByTestId('filter-text').fill('');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csvPath = await (await download).path();
  checkCsv(readFileSync(csvPath, 'utf8'), folder, total);

  expect(requests.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`))).toEqual([]);
});

/** Checks the downloaded CSV row by row against the engine run in Node on the same answers. */
function checkCsv(text: string, folder: ClassFolder, total: number): void {
  const records = parseCsv(text).map((record) => (record.ok ? record.fields : ['(unparsable)']));
  const [header, ...rows] = records;
  expect(header).toEqual(['learner', 'source', 'lab', 'outcome', ...STEP_IDS, 'quiz', 'total', 'possible', 'flags', 'message']);
  expect(rows).toHaveLength(total);

  const lab = findLab(LAB_ID)!;
  const byLearner = new Map(rows.map((row) => [row[0], row]));
  for (const learner of folder.learners) {
    const row = byLearner.get(learner.id);
    expect(row, learner.id).toBeDefined();
    const report = gradeSubmission(lab, folder.submitted.get(learner.id)!);
    const expected = [...report.steps.map((step) => step.status), String(report.score.earned), String(report.score.possible)];
    const isEdited = learner.id === 'learner-00500' || learner.id === 'learner-00501';
    expect([...row!.slice(4, 8), row![9], row![10]], learner.id).toEqual(expected);
    if (!isEdited && learner.id !== 'learner-00000') expect(row![3], learner.id).toBe('graded');
  }
  const errorRows = Object.fromEntries(rows.filter((row) => row[3] === 'error').map((row) => [row[1], row[11]]));
  expect(errorRows).toEqual(folder.errors);
}

test('instructor page reads a folder of exports', async ({ page, extensionId }) => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-check-exports-'));
  const exports = join(dir, 'exports');
  mkdirSync(join(exports, 'section-b'), { recursive: true });
  const [first, second, third] = [fakeLearner(1, 11), fakeLearner(2, 11), fakeLearner(3, 11)];
  writeFileSync(join(exports, 'a.json'), (await exportFile(first!)).text);
  writeFileSync(join(exports, 'section-b', 'b.json'), (await tamperedExport(await exportFile(second!), true)).text);
  writeFileSync(join(exports, 'section-b', 'c.json'), (await exportFile(third!)).text);
  try {
    await page.goto(`chrome-extension://${extensionId}/instructor.html`);
    await page.getByTestId('pick-folder').setInputFiles(exports);
    await expect(page.getByTestId('progress')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('summary')).toHaveText('3 submissions: 2 graded, 1 flagged, 0 unreadable');
    const flagged = page.locator('[data-testid="row"][data-outcome="flagged"]');
    await expect(flagged).toHaveAttribute('data-learner', second!.id);
    await expect(flagged).toContainText('exports/section-b/b.json');
    await expect(flagged.locator('.flags')).toHaveText('CLAIM_MISMATCH');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('instructor page grades dropped files', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/instructor.html`);
  const learner = fakeLearner(4, 11);
  const file = codeFile(learner);
  await page.evaluate(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name));
    transfer.items.add(new File(['{"lab": '], 'broken.json'));
    document.querySelector('.page')?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, file);
  await expect(page.getByTestId('progress')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('summary')).toHaveText('2 submissions: 1 graded, 0 flagged, 1 unreadable');
  await expect(page.locator(`[data-testid="row"][data-learner="${learner.id}"]`)).toHaveAttribute('data-outcome', 'graded');
});
