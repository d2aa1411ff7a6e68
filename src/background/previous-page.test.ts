import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TabState } from './messages.ts';
import { isSamePage, markPreviousPage } from './previous-page.ts';
import { badgeFor } from './badge-text.ts';
import { gradePage } from './grade-page.ts';

const LAB_URL = 'http://127.0.0.1:8080/lab.html';
const NO_LAB: TabState = { state: 'no-lab', url: LAB_URL, origin: 'http://127.0.0.1:8080', notes: [], checkedAt: 5 };
const REPORT = gradePage({
  url: LAB_URL,
  title: 'Assuming roles for temporary access in AWS',
  headings: [{ text: 'Define the role name' }],
  answers: [{ headingIndex: 0, reader: 'textarea', text: 'role_name = "TemporaryAccessRole"', anchor: '#answer-role-name' }],
  quiz: [],
  notes: [],
});

const SAME_PAGE: Array<[string, string | undefined, boolean]> = [
  [LAB_URL, LAB_URL, true],
  [LAB_URL, `${LAB_URL}#lab-check-popup`, true],
  [`${LAB_URL}#step-2`, LAB_URL, true],
  [LAB_URL, 'http://127.0.0.1:8080/base.html?navigated', false],
  [LAB_URL, `${LAB_URL}?page=2`, false],
  [LAB_URL, 'http://127.0.0.1:8081/lab.html', false],
  [LAB_URL, undefined, false],
];

for (const [checked, current, expected] of SAME_PAGE) {
  test(`same page: ${checked} in a tab at ${current}`, () => {
    assert.equal(isSamePage(checked, current), expected);
  });
}

test('report of another URL marked', () => {
  const marked = markPreviousPage(REPORT, 'http://127.0.0.1:8080/base.html?navigated');
  assert.equal(marked?.state, 'report');
  assert.equal(marked?.state === 'report' && marked.previousPage, true);
  assert.equal(marked?.state === 'report' && marked.report, REPORT.state === 'report' && REPORT.report);
});

test('no-lab result of another URL marked', () => {
  assert.deepEqual(markPreviousPage(NO_LAB, undefined), { ...NO_LAB, previousPage: true });
});

test('result of the current URL unmarked', () => {
  assert.equal(markPreviousPage(REPORT, `${LAB_URL}#lab-check-popup`), undefined);
  assert.equal(markPreviousPage(NO_LAB, LAB_URL), undefined);
});

test('results without a page unmarked', () => {
  assert.equal(markPreviousPage(undefined, LAB_URL), undefined);
  assert.equal(markPreviousPage({ state: 'unreadable', detail: 'x', checkedAt: 0 }, LAB_URL), undefined);
  const { url: _url, ...pasted } = NO_LAB;
  assert.equal(markPreviousPage(pasted, 'https://example.org/'), undefined);
});

test('marked result not marked again', () => {
  assert.equal(markPreviousPage({ ...NO_LAB, previousPage: true }, 'https://example.org/'), undefined);
});

test('previous page has no badge', () => {
  const marked = markPreviousPage(REPORT, 'https://example.org/');
  assert.ok(marked);
  assert.equal(badgeFor(REPORT).text, '1/4');
  assert.equal(badgeFor(marked).text, '');
});
