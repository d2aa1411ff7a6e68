import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findLab } from '../../labs/index.ts';
import { normalizeLabel, similarity, toSubmissionInput, type PageAnswer, type PageSnapshotInput } from './page-input.ts';

const lab = findLab('aws-assume-role-temporary-access')!;
assert.ok(lab, 'the assume-role lab pack ships');

const TRUST = 'trust_policy = \'{"Version": "2012-10-17"}\'';
const ROLE = 'role_name = "TemporaryAccessRole"';
const ASSUME = 'assume_role_command = "aws sts assume-role"';
const CREATE = 'create_role_command = "aws iam create-role"';

const HEADINGS = [
  { text: 'Assuming Roles for Temporary Access in AWS' },
  { text: '1 Create the trust policy JSON' },
  { text: '2 Define the role name' },
  { text: 'Step 3: Write the AWS CLI assume-role command' },
  { text: '4. Complete the role creation command' },
  { text: 'Practice' },
];

function snapshot(answers: PageAnswer[], quiz: PageSnapshotInput['quiz'] = []): PageSnapshotInput {
  return { url: 'http://127.0.0.1/lab.html', headings: HEADINGS, answers, quiz };
}

const answer = (text: string, extra: Partial<PageAnswer> = {}): PageAnswer => ({
  reader: 'textarea',
  text,
  anchor: `#a${Math.abs(text.length)}`,
  ...extra,
});

test('steps matched by data-lab-step id', () => {
  const page = toSubmissionInput(
    snapshot([
      answer(TRUST, { stepId: 'trust-policy', reader: 'data-lab', anchor: '#s1' }),
      answer(ROLE, { stepId: 'role-name', reader: 'data-lab', anchor: '#s2' }),
      answer(ASSUME, { stepId: 'assume-role-command', reader: 'data-lab', anchor: '#s3' }),
      answer(CREATE, { stepId: 'create-role-command', reader: 'data-lab', anchor: '#s4' }),
    ]),
    lab,
  );
  assert.deepEqual(page.input.steps, {
    'trust-policy': TRUST,
    'role-name': ROLE,
    'assume-role-command': ASSUME,
    'create-role-command': CREATE,
  });
  assert.equal(page.input.code, undefined);
  assert.deepEqual(page.unreadSteps, []);
  assert.deepEqual(page.stepSources['role-name'], { anchor: '#s2', reader: 'data-lab', matchedBy: 'data-lab-step' });
  assert.equal(page.input.source, 'http://127.0.0.1/lab.html');
});

test('data-lab-step by variable or number', () => {
  const page = toSubmissionInput(
    snapshot([answer(TRUST, { stepId: 'trust_policy' }), answer(ROLE, { stepId: ' 2 ' })]),
    lab,
  );
  assert.deepEqual(Object.keys(page.input.steps ?? {}), ['trust-policy', 'role-name']);
  assert.deepEqual(page.unreadSteps, ['assume-role-command', 'create-role-command']);
});

test('steps matched by nearest heading', () => {
  const page = toSubmissionInput(
    snapshot([
      answer(TRUST, { headingIndex: 1, reader: 'codemirror6', anchor: '#cm1' }),
      answer(ROLE, { headingIndex: 2, reader: 'codemirror6', anchor: '#cm2' }),
      answer(ASSUME, { headingIndex: 3, reader: 'codemirror6', anchor: '#cm3' }),
      answer(CREATE, { headingIndex: 4, reader: 'codemirror6', anchor: '#cm4' }),
    ]),
    lab,
  );
  assert.equal(page.input.steps?.['assume-role-command'], ASSUME);
  assert.equal(page.input.steps?.['create-role-command'], CREATE);
  assert.equal(page.stepSources['trust-policy']?.matchedBy, 'heading');
  assert.equal(page.stepSources['create-role-command']?.anchor, '#cm4');
  assert.deepEqual(page.unreadSteps, []);
});

test('one editor holds all the code', () => {
  const all = [TRUST, ROLE, ASSUME, CREATE].join('\n');
  const page = toSubmissionInput(
    snapshot([answer(all, { reader: 'monaco', anchor: '#monaco', headingIndex: 5, language: 'python' })]),
    lab,
  );
  assert.equal(page.input.code, all);
  assert.equal(page.input.steps, undefined);
  assert.deepEqual(page.codeSource, { anchor: '#monaco', reader: 'monaco', editors: 1 });
  assert.deepEqual(page.unreadSteps, []);
  assert.equal(page.input.language, 'python');
});

test('step without editor is unread', () => {
  const page = toSubmissionInput(
    snapshot([
      answer(TRUST, { stepId: 'trust-policy' }),
      answer(ROLE, { stepId: 'role-name' }),
      answer(ASSUME, { stepId: 'assume-role-command' }),
    ]),
    lab,
  );
  assert.deepEqual(page.unreadSteps, ['create-role-command']);
  assert.equal(page.codeSource, undefined);
});

test('model reader beats textarea', () => {
  const page = toSubmissionInput(
    snapshot([
      answer('trust_policy = "scraped"', { headingIndex: 1, reader: 'textarea', anchor: '#t' }),
      answer(TRUST, { headingIndex: 1, reader: 'ace', anchor: '#ace' }),
    ]),
    lab,
  );
  assert.equal(page.input.steps?.['trust-policy'], TRUST);
  assert.equal(page.stepSources['trust-policy']?.anchor, '#ace');
});

test('data-lab-step beats heading', () => {
  const page = toSubmissionInput(
    snapshot([
      answer(TRUST, { stepId: 'trust-policy', reader: 'pre', anchor: '#marked' }),
      answer('trust_policy = "other"', { headingIndex: 1, reader: 'monaco', anchor: '#m' }),
    ]),
    lab,
  );
  assert.equal(page.stepSources['trust-policy']?.anchor, '#marked');
});

test('filled editor beats blank one', () => {
  const page = toSubmissionInput(
    snapshot([
      answer('   ', { headingIndex: 1, reader: 'monaco', anchor: '#blank' }),
      answer(TRUST, { headingIndex: 1, reader: 'textarea', anchor: '#filled' }),
    ]),
    lab,
  );
  assert.equal(page.stepSources['trust-policy']?.anchor, '#filled');
});

test('pre blocks ignored beside editors', () => {
  const page = toSubmissionInput(
    snapshot([
      answer('aws sts assume-role --role-arn x', { reader: 'pre', anchor: '#example' }),
      answer(ROLE, { reader: 'textarea', anchor: '#only' }),
    ]),
    lab,
  );
  assert.equal(page.input.code, ROLE);
  assert.equal(page.codeSource?.anchor, '#only');
});

test('pre blocks used when alone', () => {
  const page = toSubmissionInput(snapshot([answer(ROLE, { reader: 'pre', anchor: '#code' })]), lab);
  assert.equal(page.input.code, ROLE);
});

test('pre blocks ignored beside matched steps', () => {
  const page = toSubmissionInput(
    snapshot([answer(ROLE, { stepId: 'role-name' }), answer('echo example', { reader: 'pre' })]),
    lab,
  );
  assert.equal(page.input.code, undefined);
  assert.deepEqual(page.unreadSteps, ['trust-policy', 'assume-role-command', 'create-role-command']);
});

test('unmatched editors joined as code', () => {
  const page = toSubmissionInput(
    snapshot([answer(TRUST, { anchor: '#first' }), answer(ROLE, { anchor: '#second', headingIndex: 0 })]),
    lab,
  );
  assert.equal(page.input.code, `${TRUST}\n\n${ROLE}`);
  assert.deepEqual(page.codeSource, { anchor: '#first', reader: 'textarea', editors: 2 });
});

test('empty page reads no step', () => {
  const page = toSubmissionInput(snapshot([answer('  \n', { anchor: '#empty' })]), lab);
  assert.equal(page.input.code, undefined);
  assert.equal(page.input.steps, undefined);
  assert.equal(page.unreadSteps.length, 4);
});

test('hostile indexes and ids ignored', () => {
  const page = toSubmissionInput(
    snapshot([
      answer(TRUST, { headingIndex: 9999, stepId: '__proto__' }),
      answer(ROLE, { headingIndex: -1, stepId: 'constructor' }),
    ]),
    lab,
  );
  assert.equal(page.input.steps, undefined);
  assert.equal(page.input.code, `${TRUST}\n\n${ROLE}`);
});

test('language set only when all agree', () => {
  const agree = toSubmissionInput(
    snapshot([answer(TRUST, { stepId: '1', language: 'py' }), answer(ROLE, { stepId: '2', language: 'Python' })]),
    lab,
  );
  assert.equal(agree.input.language, 'python');

  const differ = toSubmissionInput(
    snapshot([answer(TRUST, { stepId: '1', language: 'python' }), answer(ROLE, { stepId: '2', language: 'js' })]),
    lab,
  );
  assert.equal(differ.input.language, undefined);

  const unknown = toSubmissionInput(snapshot([answer(TRUST, { stepId: '1', language: 'cobol' })]), lab);
  assert.equal(unknown.input.language, undefined);
});

test('language ids of Object.prototype ignored', () => {
  for (const language of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    const page = toSubmissionInput(snapshot([answer(ROLE, { stepId: '2', language })]), lab);
    assert.equal(page.input.language, undefined, language);
  }
});

const QUESTION_1 = {
  text: '1. What is the main benefit of assuming an AWS role for temporary access?',
  anchor: '#q1',
  options: [
    { text: 'A. It automatically deletes the AWS account after use.', checked: false },
    { text: 'B. It provides temporary, limited access without using permanent credentials.', checked: true },
    { text: 'C. It disables all access to AWS resources.', checked: false },
    { text: 'D. It creates a new permanent user with full permissions.', checked: false },
  ],
};

test('quiz matched by question and option text', () => {
  const page = toSubmissionInput(snapshot([], [QUESTION_1]), lab);
  assert.deepEqual(page.input.quiz, { '1': 'B' });
  assert.deepEqual(page.quizAnchors, { '1': '#q1' });
});

test('quiz question followed by its command', () => {
  const question = {
    text:
      'What is the expected output when running this command?\naws sts assume-role --role-arn ' +
      'arn:aws:iam::123456789012:role/demo --role-session-name testSession',
    options: [
      { text: 'A JSON with temporary security credentials including AccessKeyId, SecretAccessKey, and SessionToken.', checked: true },
      { text: 'A confirmation message that the role was created.', checked: false },
    ],
  };
  const page = toSubmissionInput(snapshot([], [question]), lab);
  assert.deepEqual(page.input.quiz, { '3': 'A' });
});

test('quiz matched by data-lab ids', () => {
  const page = toSubmissionInput(
    snapshot([], [{ id: '2', text: 'Pick one', options: [{ id: 'A', text: 'first', checked: true }] }]),
    lab,
  );
  assert.deepEqual(page.input.quiz, { '2': 'A' });
});

test('quiz options by bare letter', () => {
  const page = toSubmissionInput(
    snapshot([], [{ text: QUESTION_1.text, options: [{ text: 'C', checked: false }, { text: '(D)', checked: true }] }]),
    lab,
  );
  assert.deepEqual(page.input.quiz, { '1': 'D' });
});

test('quiz several checked options', () => {
  const page = toSubmissionInput(
    snapshot([], [{ ...QUESTION_1, options: QUESTION_1.options.map((option) => ({ ...option, checked: true })) }]),
    lab,
  );
  assert.deepEqual(page.input.quiz, { '1': ['A', 'B', 'C', 'D'] });
});

test('quiz unanswered or unknown left out', () => {
  const page = toSubmissionInput(
    snapshot(
      [],
      [
        { ...QUESTION_1, options: QUESTION_1.options.map((option) => ({ ...option, checked: false })) },
        { text: 'What colour is the sky?', options: [{ text: 'Blue', checked: true }] },
      ],
    ),
    lab,
  );
  assert.equal(page.input.quiz, undefined);
  assert.deepEqual(page.quizAnchors, { '1': '#q1' });
});

test('quiz question matched once', () => {
  const copy = { ...QUESTION_1, anchor: '#copy', options: [{ text: 'A. It automatically deletes the AWS account after use.', checked: true }] };
  const page = toSubmissionInput(snapshot([], [QUESTION_1, copy]), lab);
  assert.deepEqual(page.input.quiz, { '1': 'B' });
  assert.equal(page.quizAnchors['1'], '#q1');
});

test('normalizeLabel cases', () => {
  const cases: Array<[string, string]> = [
    ['1 Create the trust policy JSON', 'create the trust policy json'],
    ['Step 3: Write the AWS CLI command', 'write the aws cli command'],
    ['(1/5) What is it?', 'what is it?'],
    ['B) aws sts  assume-role', 'aws sts assume-role'],
    ['A JSON with credentials', 'a json with credentials'],
    ['It\u2019s \u201Cquoted\u201D', 'it\'s "quoted"'],
    ['2012-10-17 is a version', '2012-10-17 is a version'],
    ['\uFF21\uFF37\uFF33', 'aws'],
    ['', ''],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeLabel(input), expected, input);
});

test('similarity cases', () => {
  assert.equal(similarity('define the role name', 'define the role name'), 1);
  assert.equal(similarity('define the role name', 'define the role name now'), 0.9);
  assert.equal(similarity('what is the expected output here', 'what is the expected output here? aws sts get-caller-identity --x y z'), 0.85);
  assert.equal(similarity('', 'x'), 0);
  assert.equal(similarity('alpha beta', 'gamma delta'), 0);
  assert.equal(similarity('alpha beta gamma', 'alpha beta delta'), 2 / 3);
});
