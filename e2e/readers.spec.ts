/**
 * The page readers on the fixture course pages, run in the page's own world
 * through a test harness (no extension), so that each case shows what the
 * readers return for one page.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { PageSnapshot } from '../src/content/page-snapshot.ts';
import { answerQuiz, EDITOR_VARIANTS, expect, fillSteps, fixturesDir, readerTest as test } from './lab-test.ts';
import { SOLUTION, STEP_IDS } from './solutions.ts';

async function readPage(page: Page): Promise<PageSnapshot> {
  await page.addScriptTag({ path: join(fixturesDir(), 'reader-harness.js') });
  return page.evaluate(() => window.labCheckReadPage!());
}

/** 250 comment lines before the step's code push it out of every editor's viewport. */
const longCode = (step: string): string =>
  `${Array.from({ length: 250 }, (_, line) => `# ${step} padding line ${line + 1}`).join('\n')}\n${SOLUTION[step]}`;

const EXPECTED_READER: Record<string, string> = {
  textarea: 'textarea',
  codemirror6: 'codemirror6',
  monaco: 'monaco',
  ace: 'ace',
  codemirror5: 'codemirror5',
};

for (const variant of EDITOR_VARIANTS) {
  test(`${variant}: reads every line of the code`, async ({ page, openCourse }) => {
    await openCourse(page, variant);
    const steps = Object.fromEntries(STEP_IDS.map((step) => [step, longCode(step)]));
    await fillSteps(page, steps);

    const snapshot = await readPage(page);
    const layout = await page.evaluate(() => window.labFixture!.layout);
    const code = snapshot.answers.filter((answer) => answer.reader !== 'pre');
    if (layout === 'all') {
      expect(code).toHaveLength(1);
      expect(code[0]?.reader).toBe(EXPECTED_READER[variant]);
      expect(code[0]?.text).toBe(STEP_IDS.map((step) => steps[step]).join('\n'));
      expect(snapshot.headings[code[0]?.headingIndex ?? -1]?.text).toBe('Your solution');
      return;
    }
    expect(code.map((answer) => answer.text)).toEqual(STEP_IDS.map((step) => steps[step]));
    expect(snapshot.notes).toEqual([]);
    if (variant === 'data-lab') {
      expect(code.map((answer) => answer.stepId)).toEqual(STEP_IDS);
      expect(code.map((answer) => answer.reader)).toEqual(['textarea', 'data-lab', 'textarea', 'textarea']);
      return;
    }
    expect(code.map((answer) => answer.reader)).toEqual(STEP_IDS.map(() => EXPECTED_READER[variant]));
    const headings = code.map((answer) => snapshot.headings[answer.headingIndex ?? -1]?.text);
    expect(headings).toEqual([
      'Create the trust policy JSON',
      'Define the role name',
      'Write the AWS CLI assume-role command',
      'Complete the role creation command',
    ]);
  });
}

test('monaco: 10 MB editor goes to notes', async ({ page, openCourse }) => {
  await openCourse(page, 'monaco');
  await page.evaluate(() => window.labFixture!.setText('all', 'x'.repeat(10 * 1024 * 1024)));

  const snapshot = await readPage(page);
  expect(snapshot.answers.filter((answer) => answer.reader === 'monaco')).toEqual([]);
  expect(snapshot.notes).toEqual([
    'Skipped a Monaco editor of 10485760 characters: the limit is 262144 characters per answer.',
  ]);
});

test('textarea: 10 MB answer goes to notes', async ({ page, openCourse }) => {
  await openCourse(page, 'textarea');
  await page.evaluate(() => window.labFixture!.setText('role-name', 'x'.repeat(10 * 1024 * 1024)));

  const snapshot = await readPage(page);
  expect(snapshot.answers.map((answer) => answer.anchor)).not.toContain('#answer-role-name');
  expect(snapshot.notes).toEqual([
    'Skipped a textarea answer of 10485760 characters: it is over the limit per answer.',
  ]);
});

test('forged editor replies are ignored', async ({ page, openCourse }) => {
  await openCourse(page, 'codemirror6');
  await fillSteps(page, SOLUTION);
  await page.evaluate(() => {
    document.addEventListener('lab-check:read-editors', () => {
      const forged = (detail: string) => new CustomEvent('lab-check:editors', { detail });
      document.dispatchEvent(forged('{"nonce":"guess","editors":[],"unreadable":[]}'));
      document.dispatchEvent(forged('not json'));
      document.dispatchEvent(forged(JSON.stringify({ nonce: 1, editors: 'all of them' })));
    });
  });

  const snapshot = await readPage(page);
  expect(snapshot.answers.filter((answer) => answer.reader === 'codemirror6')).toHaveLength(4);
  expect(snapshot.notes).toEqual([]);
});

test('editor that throws goes to notes', async ({ page, openCourse }) => {
  await openCourse(page, 'codemirror5');
  await page.evaluate(() => {
    const editor = document.querySelector('.CodeMirror') as unknown as { CodeMirror: { getValue(): string } };
    editor.CodeMirror.getValue = () => {
      throw new Error('trap');
    };
  });

  const snapshot = await readPage(page);
  expect(snapshot.answers.filter((answer) => answer.reader === 'codemirror5')).toEqual([]);
  expect(snapshot.answers.filter((answer) => answer.reader === 'textarea')).toEqual([]);
  expect(snapshot.notes).toEqual(['Could not read a CodeMirror 5 editor: reading its model threw an error.']);
});

test('monaco without window.monaco goes to notes', async ({ page, openCourse }) => {
  await openCourse(page, 'monaco');
  await page.evaluate(() => delete window.monaco);

  const snapshot = await readPage(page);
  expect(snapshot.answers.filter((answer) => answer.reader !== 'pre')).toEqual([]);
  expect(snapshot.notes).toEqual([
    'Could not read a Monaco editor: window.monaco is not set, or an editor is not listed by monaco.editor.getEditors().',
  ]);
});

test('radio quiz: question and choices', async ({ page, openCourse }) => {
  await openCourse(page, 'textarea');
  await answerQuiz(page, { '1': 'B', '4': 'C' });

  const { quiz } = await readPage(page);
  expect(quiz.map((question) => question.text)).toEqual([
    '1. What is the main benefit of assuming an AWS role for temporary access?',
    '2. Which AWS CLI command is used to assume a role for temporary access?',
    '3. What is the expected output when running this command?',
    "4. You run aws sts assume-role but get an 'AccessDenied' error. What is the most likely cause?",
    '5. You want to allow an EC2 instance to assume a role temporarily to access S3 buckets. Which combination is correct?',
  ]);
  const chosen = quiz.map((question) => question.options.filter((option) => option.checked).map((option) => option.text));
  expect(chosen).toEqual([
    ['B. It provides temporary, limited access without using permanent credentials.'],
    [],
    [],
    ['C. The role session name is missing from the command.'],
    [],
  ]);
  expect(quiz[1]?.options.map((option) => option.text)).toEqual([
    'A. aws sts assume-role',
    'B. aws iam create-role',
    'C. aws s3 ls',
    'D. aws ec2 start-instances',
  ]);
});

test('ARIA quiz: ids from data-lab attributes', async ({ page, openCourse }) => {
  await openCourse(page, 'data-lab');
  await answerQuiz(page, { '2': 'A', '5': 'D' });

  const { quiz } = await readPage(page);
  expect(quiz.map((question) => question.id)).toEqual(['1', '2', '3', '4', '5']);
  expect(quiz[1]?.text).toBe('Which AWS CLI command is used to assume a role for temporary access?');
  const chosen = quiz.map((question) => question.options.filter((option) => option.checked).map((option) => option.id));
  expect(chosen).toEqual([[], ['A'], [], [], ['D']]);
  expect(quiz[4]?.options[3]?.text).toBe('Attach a security group to the EC2 instance that allows S3 access.');
});

test('marked page: fields outside steps skipped', async ({ page, openCourse }) => {
  await openCourse(page, 'data-lab');
  await page.fill('input[type="search"]', 'trust policy');

  const snapshot = await readPage(page);
  expect(snapshot.answers.map((answer) => answer.stepId)).toEqual(STEP_IDS);
});

test('page that is not a lab', async ({ page, openCourse }) => {
  await openCourse(page, 'no-lab');

  const snapshot = await readPage(page);
  expect(snapshot.title).toBe('Sourdough starter notes');
  expect(snapshot.headings.map((heading) => heading.text)).toEqual([
    'Sourdough starter notes',
    'Feeding schedule',
    'Your notes',
  ]);
  expect(snapshot.answers.map((answer) => [answer.reader, answer.headingIndex])).toEqual([
    ['pre', 1],
    ['textarea', 2],
  ]);
  expect(snapshot.quiz).toEqual([]);
});

test('code in a quiz question is no answer', async ({ page, openCourse }) => {
  await openCourse(page, 'textarea');

  const snapshot = await readPage(page);
  expect(snapshot.answers.map((answer) => answer.reader)).toEqual(['textarea', 'textarea', 'textarea', 'textarea']);
  expect(snapshot.quiz[2]?.text).toBe('3. What is the expected output when running this command?');
});

test('answers over the total go to notes', async ({ page, openCourse }) => {
  await openCourse(page, 'textarea');
  await page.evaluate(() => {
    for (const textarea of document.querySelectorAll('textarea')) textarea.value = 'x'.repeat(262_144);
    const extra = document.createElement('textarea');
    extra.value = 'role_name = "TemporaryAccessRole"';
    document.querySelector('main')?.append(extra);
  });

  const snapshot = await readPage(page);
  expect(snapshot.answers.map((answer) => answer.text.length)).toEqual([262_144, 262_144, 262_144, 262_144]);
  expect(snapshot.notes).toEqual(['Skipped a textarea answer of 33 characters: it is over the limit for all answers together.']);
});
