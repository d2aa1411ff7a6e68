import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeLines, applySeverityOverrides, positionAt, spanAt, type Finding } from './findings.ts';

test('positionAt counts lines and columns from 1', () => {
  const text = 'ab\ncd\n\nef';
  assert.deepEqual(positionAt(text, 0), { line: 1, column: 1 });
  assert.deepEqual(positionAt(text, 2), { line: 1, column: 3 });
  assert.deepEqual(positionAt(text, 3), { line: 2, column: 1 });
  assert.deepEqual(positionAt(text, 7), { line: 4, column: 1 });
  assert.deepEqual(positionAt(text, 99), { line: 4, column: 3 });
});

test('CodeLines ends lines at LF, CRLF and CR', () => {
  const lines = new CodeLines('a\rb\r\nc\nd');
  assert.deepEqual(lines.position(0), { line: 1, column: 1 });
  assert.deepEqual(lines.position(1), { line: 1, column: 2 });
  assert.deepEqual(lines.position(2), { line: 2, column: 1 });
  assert.deepEqual(lines.position(4), { line: 2, column: 2 });
  assert.deepEqual(lines.position(5), { line: 3, column: 1 });
  assert.deepEqual(lines.position(7), { line: 4, column: 1 });
  assert.deepEqual(lines.position(99), { line: 4, column: 2 });
});

test('positionAt keeps CR inside a line', () => {
  assert.deepEqual(positionAt('a\rb', 2), { line: 1, column: 3 });
});

test('spanAt never ends before it starts', () => {
  assert.deepEqual(spanAt('abc', 2, 1), { line: 1, column: 3, endLine: 1, endColumn: 3 });
});

test('severity overrides raise, lower and drop', () => {
  const findings: Finding[] = [
    { code: 'A', severity: 'warning', message: 'a' },
    { code: 'B', severity: 'error', message: 'b' },
    { code: 'C', severity: 'suggestion', message: 'c' },
  ];
  const result = applySeverityOverrides(findings, { A: 'error', B: 'off' });
  assert.deepEqual(
    result.map((f) => [f.code, f.severity]),
    [
      ['A', 'error'],
      ['C', 'suggestion'],
    ],
  );
});

test('CodeLines puts the LF of a CRLF at the line end', () => {
  const lines = new CodeLines('//\r\nab');
  assert.deepEqual(lines.position(2), { line: 1, column: 3 });
  assert.deepEqual(lines.position(3), { line: 1, column: 3 });
  assert.deepEqual(lines.position(4), { line: 2, column: 1 });
  assert.deepEqual(lines.span(0, 3), { line: 1, column: 1, endLine: 1, endColumn: 3 });
});

test('CodeLines without CR line ends', () => {
  const lines = new CodeLines('a\rb\r\nc', { crEndsLine: false });
  assert.deepEqual(lines.position(2), { line: 1, column: 3 });
  assert.deepEqual(lines.position(4), { line: 1, column: 5 });
  assert.deepEqual(lines.position(5), { line: 2, column: 1 });
});
