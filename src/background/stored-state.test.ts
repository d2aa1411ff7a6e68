import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STORAGE_SCHEMA_VERSION, unwrapCurrentTabState, wrapTabState } from '../extension/storage-schema.ts';
import { gradePage } from './grade-page.ts';
import type { TabState } from './messages.ts';
import { AUTO_CHECK_ORIGINS_KEY, migrateLocalItems, readInjectedTabs, readStoredTabState } from './stored-state.ts';

const REPORT = gradePage(
  {
    url: 'http://127.0.0.1:8080/lab.html',
    title: 'Assuming roles for temporary access in AWS - Mini Project: Build & Apply',
    headings: [{ text: 'Define the role name' }],
    answers: [{ headingIndex: 0, reader: 'textarea', text: 'role_name = "TempRole"', anchor: '#answer-role-name' }],
    quiz: [],
    notes: [],
  },
  1000,
);
const NO_LAB: TabState = { state: 'no-lab', url: 'https://example.org/', origin: 'https://example.org', notes: [], checkedAt: 5 };
const UNREADABLE: TabState = { state: 'unreadable', detail: 'Cannot access a chrome:// URL', checkedAt: 7 };

test('report state is a full report', () => {
  assert.equal(REPORT.state, 'report');
  assert.equal(REPORT.state === 'report' && REPORT.report.steps.length, 4);
});

test('current envelope round-trips', () => {
  for (const state of [REPORT, NO_LAB, UNREADABLE]) {
    const stored = structuredClone(wrapTabState(state));
    assert.equal(stored.schemaVersion, STORAGE_SCHEMA_VERSION);
    assert.deepEqual(readStoredTabState(stored), state);
    assert.deepEqual(unwrapCurrentTabState(stored), state);
  }
});

test('version 1 bare state migrates', () => {
  for (const state of [REPORT, NO_LAB, UNREADABLE]) {
    const versionOne = structuredClone(state);
    assert.deepEqual(readStoredTabState(versionOne), state);
    assert.equal(unwrapCurrentTabState(versionOne), undefined, 'the popup leaves old data to the worker');
  }
});

test('partial report is rejected', () => {
  if (REPORT.state !== 'report') return;
  const { report: _report, ...withoutReport } = REPORT;
  const { steps: _steps, ...reportWithoutSteps } = REPORT.report;
  const [firstStep] = REPORT.report.steps;
  const partial: unknown[] = [
    withoutReport,
    { ...REPORT, report: reportWithoutSteps },
    { ...REPORT, report: { ...REPORT.report, steps: [{ ...firstStep, status: undefined }] } },
    { ...REPORT, report: { ...REPORT.report, score: { earned: 1 } } },
    { ...REPORT, checkedAt: undefined },
    { state: 'report' },
  ];
  for (const value of partial) {
    assert.equal(readStoredTabState(value), undefined, JSON.stringify(value).slice(0, 120));
    assert.equal(readStoredTabState(wrapTabState(value as TabState)), undefined);
  }
});

test('other versions and values rejected', () => {
  const rejected: unknown[] = [
    undefined,
    null,
    'report',
    42,
    [],
    { schemaVersion: 3, state: REPORT },
    { schemaVersion: 1, state: REPORT },
    { schemaVersion: STORAGE_SCHEMA_VERSION },
    { ...NO_LAB, schemaVersion: STORAGE_SCHEMA_VERSION },
    { state: 'checking', checkedAt: 1 },
  ];
  for (const value of rejected) {
    assert.equal(readStoredTabState(value), undefined, JSON.stringify(value)?.slice(0, 120));
    assert.equal(unwrapCurrentTabState(value), undefined, JSON.stringify(value)?.slice(0, 120));
  }
});

test('local version 1 migrates', () => {
  const migrated = migrateLocalItems({
    [AUTO_CHECK_ORIGINS_KEY]: [
      'https://learn.example',
      'http://127.0.0.1:8080',
      'https://learn.example',
      'https://learn.example/course/',
      'javascript:alert(1)',
      42,
    ],
  });
  assert.deepEqual(migrated, {
    schemaVersion: STORAGE_SCHEMA_VERSION,
    [AUTO_CHECK_ORIGINS_KEY]: ['http://127.0.0.1:8080', 'https://learn.example'],
  });
});

test('local version 1 without sites', () => {
  assert.deepEqual(migrateLocalItems({}), { schemaVersion: STORAGE_SCHEMA_VERSION, [AUTO_CHECK_ORIGINS_KEY]: [] });
  assert.deepEqual(migrateLocalItems({ [AUTO_CHECK_ORIGINS_KEY]: 'https://learn.example' }), {
    schemaVersion: STORAGE_SCHEMA_VERSION,
    [AUTO_CHECK_ORIGINS_KEY]: [],
  });
});

test('current or newer local data kept', () => {
  const current = { schemaVersion: STORAGE_SCHEMA_VERSION, [AUTO_CHECK_ORIGINS_KEY]: ['https://learn.example'] };
  assert.equal(migrateLocalItems(current), undefined);
  assert.equal(migrateLocalItems({ ...current, schemaVersion: STORAGE_SCHEMA_VERSION + 1 }), undefined);
});

test('injected tabs read safely', () => {
  assert.deepEqual(readInjectedTabs([3, 7]), [3, 7]);
  assert.deepEqual(readInjectedTabs([3, '7', -1, 1.5, null, 9]), [3, 9]);
  for (const value of [undefined, 5, 'tabs', { 0: 3 }]) assert.deepEqual(readInjectedTabs(value), [], String(value));
});

test('previous-page mark kept in storage', () => {
  for (const state of [REPORT, NO_LAB]) {
    const marked = { ...state, previousPage: true } as TabState;
    assert.deepEqual(readStoredTabState(structuredClone(wrapTabState(marked))), marked);
  }
});
