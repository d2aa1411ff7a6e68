import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RowSummary } from './protocol.ts';
import { viewRows, type TableView } from './table-model.ts';

const row = (index: number, learner: string, outcome: RowSummary['outcome'], earned?: number, role?: 'pass' | 'fail'): RowSummary => ({
  index,
  learner,
  source: `${learner}.py`,
  lab: 'lab',
  outcome,
  steps: role ? { 'role-name': role } : {},
  quiz: undefined,
  score: earned === undefined ? undefined : { earned, possible: 4 },
  flags: outcome === 'graded' ? [] : ['X'],
  message: '',
});

const ROWS = [row(0, 'cat', 'graded', 4, 'pass'), row(1, 'Ann', 'flagged', 2, 'fail'), row(2, '', 'error'), row(3, 'bob', 'graded', 1, 'fail')];
const view = (change: Partial<TableView>): TableView => ({ sort: { key: 'index', descending: false }, text: '', show: 'all', ...change });
const learners = (rows: RowSummary[]) => rows.map((r) => r.learner);

test('table sorts by learner and score', () => {
  assert.deepEqual(learners(viewRows(ROWS, view({ sort: { key: 'learner', descending: false } }))), ['', 'Ann', 'bob', 'cat']);
  assert.deepEqual(learners(viewRows(ROWS, view({ sort: { key: 'score', descending: true } }))), ['cat', 'Ann', 'bob', '']);
});

test('table sorts by a step status', () => {
  assert.deepEqual(learners(viewRows(ROWS, view({ sort: { key: 'step:role-name', descending: false } }))), ['cat', 'Ann', 'bob', '']);
});

test('table filters by outcome and text', () => {
  assert.deepEqual(learners(viewRows(ROWS, view({ show: 'flagged' }))), ['Ann']);
  assert.deepEqual(learners(viewRows(ROWS, view({ show: 'error' }))), ['']);
  assert.deepEqual(learners(viewRows(ROWS, view({ show: 'complete' }))), ['cat']);
  assert.deepEqual(learners(viewRows(ROWS, view({ show: 'incomplete' }))), ['Ann', 'bob']);
  assert.deepEqual(learners(viewRows(ROWS, view({ text: 'AN' }))), ['Ann']);
  assert.deepEqual(learners(viewRows(ROWS, view({ text: 'bob.py' }))), ['bob']);
});
