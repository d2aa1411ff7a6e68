import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageSnapshotSchema, SNAPSHOT_LIMITS } from './page-snapshot.ts';

const answer = (text: string) => ({ reader: 'textarea', text, anchor: '#answer' });
const snapshot = (overrides: Record<string, unknown> = {}) => ({
  url: 'http://127.0.0.1/lab.html',
  title: 'Assuming roles for temporary access in AWS',
  headings: [{ text: 'Define the role name', anchor: '#step-2' }],
  answers: [{ ...answer('role_name = "TemporaryAccessRole"'), headingIndex: 0, language: 'python' }],
  quiz: [{ id: '1', text: 'Which command?', options: [{ id: 'A', text: 'A. aws sts assume-role', checked: true }] }],
  notes: [],
  ...overrides,
});

test('snapshot schema accepts a page', () => {
  assert.equal(PageSnapshotSchema.safeParse(snapshot()).success, true);
});

const INVALID: Array<[string, Record<string, unknown>, string]> = [
  ['unknown reader', { answers: [{ reader: 'iframe', text: '', anchor: '#a' }] }, 'answers.0.reader'],
  ['answer over the limit', { answers: [answer('x'.repeat(SNAPSHOT_LIMITS.answerChars + 1))] }, 'answers.0.text'],
  ['answers over the total', { answers: Array.from({ length: 5 }, () => answer('x'.repeat(SNAPSHOT_LIMITS.answerChars))) }, 'answers'],
  ['too many answers', { answers: Array.from({ length: SNAPSHOT_LIMITS.answers + 1 }, () => answer('')) }, 'answers'],
  ['negative heading index', { answers: [{ ...answer(''), headingIndex: -1 }] }, 'answers.0.headingIndex'],
  ['fractional heading index', { answers: [{ ...answer(''), headingIndex: 0.5 }] }, 'answers.0.headingIndex'],
  ['answer without anchor', { answers: [{ reader: 'pre', text: '' }] }, 'answers.0.anchor'],
  ['title over the limit', { title: 't'.repeat(SNAPSHOT_LIMITS.titleChars + 1) }, 'title'],
  ['option checked as text', { quiz: [{ text: 'q', options: [{ text: 'A', checked: 'yes' }] }] }, 'quiz.0.options.0.checked'],
  ['note that is not text', { notes: [42] }, 'notes.0'],
];

for (const [name, overrides, path] of INVALID) {
  test(`snapshot schema rejects ${name}`, () => {
    const result = PageSnapshotSchema.safeParse(snapshot(overrides));
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.path.join('.')),
      [path],
    );
  });
}
