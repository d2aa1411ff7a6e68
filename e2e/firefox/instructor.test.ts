/**
 * The instructor page in Firefox. BiDi does not navigate to
 * `moz-extension://` pages, so each test opens the popup for a course page
 * through the e2e hook and clicks its "Open instructor page" button, as an
 * instructor does. The new tab is then found by its `location.href`,
 * because BiDi lists it as `about:blank`.
 */
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { runInMemory } from '../../src/cli/run-in-memory.ts';
import { parseCsv } from '../../src/core/submissions/csv-parse.ts';
import { HOSTILE_PAYLOADS, inspectRendered } from '../hostile-scenario.ts';
import { writeHostileSubmission } from '../hostile-submission.ts';
import { LAB_ID } from '../scenarios.ts';
import { STEP_IDS } from '../solutions.ts';
import { startCourseSite, type CourseSite } from './course.ts';
import { EXTENSION_ORIGIN, launchFirefox, openPopup, textOf, waitForResult, waitUntil } from './firefox.ts';

const TEST_TIMEOUT_MS = 90_000;
const REGRADE_TIMEOUT_MS = 30_000;
const INSTRUCTOR_URL = `${EXTENSION_ORIGIN}instructor.html`;
const SUBMISSIONS_DIR = join(import.meta.dirname, '..', 'submissions', LAB_ID);

let browser: Browser;
let site: CourseSite;

before(async () => {
  [browser, site] = await Promise.all([launchFirefox(), startCourseSite()]);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The instructor page's tab, with the dialogs it opened and the other tabs to close after the test. */
interface InstructorTab {
  page: Page;
  dialogs: string[];
  opened: Page[];
}

/** The `location.href` of a page, or '' for a page that is closing or not yet loaded. */
const hrefOf = (page: Page): Promise<string> => page.evaluate(() => location.href).catch(() => '');

/** Opens the instructor page from the popup of a course page. */
async function openInstructorPage(): Promise<InstructorTab> {
  const course = await browser.newPage();
  await site.open(course, 'no-lab');
  const { popup } = await openPopup(browser, course);
  await waitForResult(popup);
  const known = new Set(await browser.pages());
  await popup.click('[data-testid="open-instructor"]');

  const findInstructor = async () => {
    for (const page of await browser.pages()) {
      if (!known.has(page) && (await hrefOf(page)).startsWith(INSTRUCTOR_URL)) return page;
    }
    return undefined;
  };
  const page = await waitUntil(findInstructor, (found) => found !== undefined);
  if (!page) throw new Error('The popup did not open the instructor page.');

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.waitForSelector('[data-testid="dropzone"]');
  return { page, dialogs, opened: [course, popup] };
}

async function closeTabs({ page, opened }: InstructorTab): Promise<void> {
  // The popup closes itself once the instructor page's tab is open.
  await Promise.all([page, ...opened].filter((tab) => !tab.isClosed()).map((tab) => tab.close()));
}

/**
 * Picks `paths` with the page's file input and waits until they are regraded.
 *
 * NOTE: the page sometimes stays at "Regrading: 0 submissions" with no
 * failure shown (in 3 of 9 full Firefox suite runs on a loaded 2-core
 * machine, here or in network.test.ts). The cause is not known. It is not
 * a pick before the worker starts, nor a grading worker that fails to
 * load: the page handles both.
 */
async function regrade(page: Page, paths: string[]): Promise<void> {
  const input = await page.$('input[data-testid="pick-files"]');
  assert.ok(input, 'the page has a file input');
  await input.uploadFile(...paths);
  try {
    await page.waitForSelector('[data-testid="progress"][data-state="done"]', { timeout: REGRADE_TIMEOUT_MS });
  } catch (error) {
    const progress = await textOf(page, '[data-testid="progress"]');
    const failure = await textOf(page, '.failure');
    throw new Error(`The page did not finish regrading: progress "${progress}", failure "${failure}"`, { cause: error });
  }
}

/** Reads each table row as the page shows it: learner, file, outcome, each step's status, score and flags. */
function readRows(page: Page): Promise<string[][]> {
  // No named function inside: tsx would wrap it in a helper that the page does not have.
  return page.evaluate((steps) => {
    const selectors = ['.cell.muted', ...steps.map((step) => `[data-step="${step}"]`), '[data-testid="score"]', '.flags'];
    return Array.from(document.querySelectorAll('[data-testid="row"]'), (row) => {
      const cells = selectors.map((selector) => row.querySelector(selector)?.textContent ?? '');
      return [row.getAttribute('data-learner') ?? '', cells[0] ?? '', row.getAttribute('data-outcome') ?? '', ...cells.slice(1)];
    });
  }, STEP_IDS);
}

/** Runs `lab-check grade --format csv` on the same files and returns the same columns. */
async function cliRows(paths: string[]): Promise<string[][]> {
  const { stdout, stderr } = await runInMemory(['grade', '--format', 'csv', ...paths]);
  assert.equal(stderr, '');
  const [header = [], ...records] = parseCsv(stdout).map((record) => (record.ok ? record.fields : []));
  const columns = ['learner', 'source', 'outcome', ...STEP_IDS, 'total', 'possible', 'flags'];
  for (const name of columns) assert.ok(header.includes(name), `the CSV header ${header.join(',')} has ${name}`);

  return records.map((fields) => {
    const value = (name: string) => fields[header.indexOf(name)] ?? '';
    const steps = STEP_IDS.map((step) => value(step));
    return [value('learner'), basename(value('source')), value('outcome'), ...steps, `${value('total')}/${value('possible')}`, value('flags')];
  });
}

test('instructor page shows payloads as text', { timeout: TEST_TIMEOUT_MS }, async () => {
  const tab = await openInstructorPage();
  const { page, dialogs } = tab;
  const { dir, path } = writeHostileSubmission();
  try {
    await page.select('[data-testid="lab"]', LAB_ID);
    await regrade(page, [path]);
    await page.click('[data-testid="row"]');
    await page.waitForSelector('[data-testid="detail"]', { visible: true });

    const rendered = await page.evaluate(inspectRendered);
    assert.deepEqual(rendered.injected, []);
    assert.deepEqual(rendered.pwned, []);
    assert.ok(rendered.text.includes(`onerror="window.__labCheckPwned='learner'"`), 'the learner id is shown');
    assert.ok(rendered.text.includes(HOSTILE_PAYLOADS.steps['role-name'] ?? '(none)'), 'the role name code is shown');
    assert.deepEqual(dialogs, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await closeTabs(tab);
  }
});

test('instructor page scores as the CLI does', { timeout: TEST_TIMEOUT_MS }, async () => {
  const tab = await openInstructorPage();
  const { page, dialogs } = tab;
  const paths = readdirSync(SUBMISSIONS_DIR)
    .sort()
    .map((name) => join(SUBMISSIONS_DIR, name));
  try {
    // No lab is chosen, so each file is graded against the lab it names or is detected as, as by the CLI.
    await regrade(page, paths);
    assert.equal(
      await textOf(page, '[data-testid="summary"]'),
      `${paths.length} submissions: 3 graded, 2 flagged, 0 unreadable`,
    );
    const rows = await readRows(page);
    assert.deepEqual(rows, await cliRows(paths));

    const byFile = new Map(rows.map((row) => [row[1], row]));
    assert.deepEqual(byFile.get('correct.js')?.slice(2), ['graded', 'pass', 'pass', 'pass', 'pass', '4/9', '']);
    assert.deepEqual(byFile.get('mistakes.py')?.slice(2), ['graded', 'fail', 'fail', 'fail', 'fail', '0/9', '']);
    assert.deepEqual(byFile.get('correct.sh')?.slice(2), ['flagged', 'pass', 'pass', 'pass', 'pass', '4/9', 'DUPLICATE_LEARNER']);
    assert.deepEqual(dialogs, []);
  } finally {
    await closeTabs(tab);
  }
});
