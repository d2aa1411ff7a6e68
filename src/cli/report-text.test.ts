import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findLab, gradeSubmission } from '../core/engine/index.ts';
import { formatReportText } from './report-text.ts';

const lab = findLab('aws-assume-role-temporary-access')!;

test('whole-code findings get a heading', () => {
  const code = `role_name = "TemporaryAccessRole"\n#${'x'.repeat(1_100_000)}`;
  const lines = formatReportText(gradeSubmission(lab, { code, source: 'long.py' })).split('\n');
  const heading = lines.indexOf('  code as a whole:');
  const lastStep = lines.findIndex((line) => line.includes('create-role-command:'));
  assert.ok(heading > lastStep, lines.slice(0, 3).join('\n'));
  assert.match(lines[heading + 1] ?? '', /^ {10}2:1048543: error LIMIT_EXCEEDED: /);
});

test('whole-code finding names its step text', () => {
  const report = gradeSubmission(lab, { steps: { 'role-name': 'role_name = "TemporaryAccessRole"\nif (' } });
  const text = formatReportText(report);
  assert.match(text, /\n {2}code as a whole:\n {10}role-name 2:\d+: error SYNTAX_ERROR: /);
});

test('no heading without whole-code findings', () => {
  const report = gradeSubmission(lab, { code: 'role_name = "TemporaryAccessRole"' });
  assert.equal(formatReportText(report).includes('code as a whole'), false);
});
