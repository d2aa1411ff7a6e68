import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLab } from '../../labs/index.ts';
import { gradeSubmission } from '../engine/index.ts';
import { compareReports } from './compare-reports.ts';
import { countText } from './count-text.ts';
import { inputError } from './input-errors.ts';

test('count text picks singular or plural', () => {
  const cases: Array<[number, string, string | undefined, string]> = [
    [0, 'item', undefined, '0 items'],
    [1, 'item', undefined, '1 item'],
    [2, 'item', undefined, '2 items'],
    [1, 'entry', 'entries', '1 entry'],
    [3, 'entry', 'entries', '3 entries'],
  ];
  for (const [count, singular, plural, expected] of cases) {
    assert.equal(countText(count, singular, plural), expected);
  }
});

test('claim difference counts one item', () => {
  const lab = findLab('aws-assume-role-temporary-access')!;
  const regraded = gradeSubmission(lab, { code: 'role_name = "temporaryaccessrole"' });
  const claimed = structuredClone(regraded);
  const step = claimed.steps.find((candidate) => candidate.id === 'role-name')!;
  step.findings = step.findings.slice(0, 1);
  const regradedStep = regraded.steps.find((candidate) => candidate.id === 'role-name')!;
  regradedStep.findings = [...regradedStep.findings, ...regradedStep.findings].slice(0, 2);

  const [difference] = compareReports(claimed, regraded);
  assert.equal(difference?.path, 'steps.role-name.findings');
  assert.equal(difference?.claimed, '(1 item)');
  assert.equal(difference?.regraded, '(2 items)');
});

test('input error messages count in the singular', () => {
  assert.match(inputError('CSV_FIELD_COUNT', { line: 3, actual: 1, expected: 2 }).message, /has 1 field;/);
  assert.match(inputError('FILE_TOO_LARGE', { size: 1, limit: 1 }).message, /The file is 1 byte;/);
  assert.match(inputError('JSON_TOO_DEEP', { limit: 1 }).message, /deeper than 1 level,/);
  assert.equal(
    inputError('ZIP_TOO_LARGE', { entries: 1 }).message,
    'The archive has more than 1 entry; only the first was read.',
  );
});
