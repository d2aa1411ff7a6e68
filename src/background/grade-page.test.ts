import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageSnapshot } from '../content/page-snapshot.ts';
import { BADGE_FAIL_COLOR, BADGE_PASS_COLOR, badgeFor } from './badge-text.ts';
import { gradePage, gradePasted } from './grade-page.ts';
import type { TabState } from './messages.ts';

const TITLE = 'Assuming roles for temporary access in AWS - Mini Project: Build & Apply';
const STEP_CODE: Record<string, string> = {
  'trust-policy':
    'trust_policy = \'{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ' +
    '"Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}\'',
  'role-name': 'role_name = "TemporaryAccessRole"',
  'assume-role-command':
    'assume_role_command = "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole --role-session-name TempSession"',
  'create-role-command':
    'create_role_command = "aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document file://trust-policy.json"',
};

function labPage(code: Record<string, string>, extra: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: 'http://127.0.0.1:8080/lab.html',
    title: TITLE,
    headings: [
      { text: 'Create the trust policy JSON' },
      { text: 'Define the role name' },
      { text: 'Write the AWS CLI assume-role command' },
      { text: 'Complete the role creation command' },
    ],
    answers: Object.entries(code).map(([stepId, text], index) => ({
      headingIndex: index,
      reader: 'textarea' as const,
      text,
      anchor: `#answer-${stepId}`,
    })),
    quiz: [
      {
        text: 'Which AWS CLI command is used to assume a role for temporary access?',
        anchor: '#question-2',
        options: [
          { text: 'A. aws sts assume-role', checked: true },
          { text: 'B. aws iam create-role', checked: false },
        ],
      },
    ],
    notes: [],
    ...extra,
  };
}

test('correct page passes every step', () => {
  const state = gradePage(labPage(STEP_CODE), 1000);
  assert.equal(state.state, 'report');
  if (state.state !== 'report') return;

  assert.equal(state.lab.id, 'aws-assume-role-temporary-access');
  assert.deepEqual(
    state.report.steps.map((step) => step.status),
    ['pass', 'pass', 'pass', 'pass'],
  );
  assert.equal(state.origin, 'http://127.0.0.1:8080');
  assert.equal(state.anchors.steps['role-name'], '#answer-role-name');
  assert.equal(state.anchors.quiz['2'], '#question-2');
  assert.deepEqual(state.unreadSteps, []);
  assert.equal(state.report.quiz.find((question) => question.id === '2')?.status, 'pass');
  assert.deepEqual(state.quizInput, { '2': 'A' });
  assert.equal(state.pasted, false);
  assert.equal(state.checkedAt, 1000);
});

test('wrong role name fails its step', () => {
  const state = gradePage(labPage({ ...STEP_CODE, 'role-name': 'role_name = "TempRole"' }));
  assert.equal(state.state, 'report');
  if (state.state !== 'report') return;

  const step = state.report.steps.find((candidate) => candidate.id === 'role-name');
  assert.equal(step?.status, 'fail');
  assert.ok((step?.findings.length ?? 0) > 0);
  assert.equal(step?.findings[0]?.line, 1);
});

test('missing editor marks step unread', () => {
  const { 'create-role-command': _omitted, ...rest } = STEP_CODE;
  const state = gradePage(labPage(rest));
  assert.equal(state.state, 'report');
  if (state.state !== 'report') return;

  assert.deepEqual(state.unreadSteps, ['create-role-command']);
  assert.equal(state.report.steps.find((step) => step.id === 'create-role-command')?.status, 'missing');
});

test('page without lab is no-lab', () => {
  const state = gradePage({
    url: 'https://example.org/blog',
    title: 'My holiday photos',
    headings: [{ text: 'Day one' }],
    answers: [],
    quiz: [],
    notes: ['an editor was too large to read'],
  });
  assert.deepEqual(state, {
    state: 'no-lab',
    url: 'https://example.org/blog',
    origin: 'https://example.org',
    notes: ['an editor was too large to read'],
    checkedAt: state.checkedAt,
  });
});

test('pasted code keeps page quiz', () => {
  const previous = gradePage(labPage({ 'role-name': STEP_CODE['role-name']! }));
  const state = gradePasted(
    { labId: 'aws-assume-role-temporary-access', code: Object.values(STEP_CODE).join('\n') },
    previous,
  );
  assert.equal(state.state, 'report');
  if (state.state !== 'report') return;

  assert.equal(state.pasted, true);
  assert.deepEqual(
    state.report.steps.map((step) => step.status),
    ['pass', 'pass', 'pass', 'pass'],
  );
  assert.equal(state.report.quiz.find((question) => question.id === '2')?.chosen, 'A');
  assert.equal(state.origin, 'http://127.0.0.1:8080');
});

test('pasted code ignores a page left', () => {
  const left = gradePage(labPage({ 'role-name': STEP_CODE['role-name']! }));
  assert.equal(left.state, 'report');
  const state = gradePasted(
    { labId: 'aws-assume-role-temporary-access', code: STEP_CODE['role-name'] },
    { ...left, previousPage: true } as TabState,
  );
  assert.equal(state.state === 'report' && state.quizInput, undefined);
  assert.equal(state.state === 'report' && state.url, undefined);
});

test('pasted per-step code graded', () => {
  const state = gradePasted(
    { labId: 'aws-assume-role-temporary-access', steps: { 'role-name': 'role_name = "Other"', unknown: 'x = 1' } },
    undefined,
  );
  assert.equal(state.state, 'report');
  if (state.state !== 'report') return;

  assert.equal(state.report.steps.find((step) => step.id === 'role-name')?.status, 'fail');
  assert.equal(state.report.steps.find((step) => step.id === 'trust-policy')?.status, 'missing');
  assert.equal(state.quizInput, undefined);
});

test('pasted code for unknown lab', () => {
  assert.throws(() => gradePasted({ labId: 'no-such-lab', code: 'x = 1' }, undefined), /not found/);
});

test('badge text and colour', () => {
  const passing = gradePage(labPage(STEP_CODE));
  assert.deepEqual(badgeFor(passing), { text: '4/4', color: BADGE_PASS_COLOR });

  const failing = gradePage(labPage({ ...STEP_CODE, 'role-name': 'role_name = "x"' }));
  assert.deepEqual(badgeFor(failing), { text: '3/4', color: BADGE_FAIL_COLOR });

  assert.equal(badgeFor({ state: 'unreadable', detail: 'x', checkedAt: 0 }).text, '');
});

/** Returns a search page whose title quotes the lab's, with a search box and a notes field. */
function searchPage(extra: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: 'http://127.0.0.1:8080/search?q=assuming+roles',
    title: 'Search results: Assuming roles for temporary access in AWS',
    headings: [{ text: 'Search' }],
    answers: [
      { reader: 'input', text: 'role_name = TemporaryAccessRole', anchor: '#q' },
      { reader: 'textarea', text: 'my private notes: password hunter2', anchor: '#notes' },
    ],
    quiz: [],
    notes: [],
    ...extra,
  };
}

test('title alone takes no text field', () => {
  const state = gradePage(searchPage());
  assert.equal(state.state, 'no-lab');
  assert.equal(JSON.stringify(state).includes('hunter2'), false);
});

test('title alone takes a code editor', () => {
  const editor = { reader: 'monaco' as const, text: STEP_CODE['role-name']!, anchor: '#editor' };
  const state = gradePage(searchPage({ answers: [...searchPage().answers, editor] }));
  assert.equal(state.state, 'report');
  if (state.state !== 'report') return;

  assert.equal(state.input?.code, STEP_CODE['role-name']);
  assert.equal(state.report.steps.find((step) => step.id === 'role-name')?.status, 'pass');
});

test('title with step headings takes text fields', () => {
  const state = gradePage(labPage(STEP_CODE, { headings: labPage(STEP_CODE).headings.slice(0, 1) }));
  assert.equal(state.state, 'report');
  if (state.state !== 'report') return;

  assert.equal(state.report.steps.find((step) => step.id === 'trust-policy')?.status, 'pass');
});

test('title with a lab question takes text fields', () => {
  const state = gradePage(searchPage({ quiz: labPage(STEP_CODE).quiz }));
  assert.equal(state.state, 'report');
  assert.equal(state.state === 'report' && state.input?.code?.startsWith('role_name = TemporaryAccessRole'), true);
});

/** Returns the README's marking example for course authors, on a page whose title and headings name no lab. */
function markedPage(extra: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: 'http://127.0.0.1:8080/course.html',
    title: 'Course',
    headings: [{ text: 'Define the role name' }],
    answers: [{ stepId: 'role-name', headingIndex: 0, reader: 'data-lab', text: STEP_CODE['role-name']!, anchor: '#answer' }],
    quiz: [],
    notes: [],
    ...extra,
  };
}

test('marked step recognises the lab', () => {
  const state = gradePage(markedPage());
  assert.equal(state.state, 'report');
  if (state.state !== 'report') return;

  assert.equal(state.lab.id, 'aws-assume-role-temporary-access');
  assert.equal(state.report.steps.find((step) => step.id === 'role-name')?.status, 'pass');
});

test('lab question recognises the lab', () => {
  const page = markedPage({ answers: [], quiz: labPage(STEP_CODE).quiz });
  const state = gradePage(page);
  assert.equal(state.state, 'report');
  assert.equal(state.state === 'report' && state.lab.id, 'aws-assume-role-temporary-access');
});

test('unknown step mark recognises nothing', () => {
  const page = markedPage({ headings: [], answers: [{ ...markedPage().answers[0]!, stepId: 'bake-bread' }] });
  assert.equal(gradePage(page).state, 'no-lab');
});
