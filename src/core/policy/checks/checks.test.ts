import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SEVERITIES } from '../../findings.ts';
import { renderChecksTable, TABLE_END, TABLE_START } from '../checks-table.ts';
import { hasMessage } from '../messages.ts';
import { CHECKS } from './index.ts';

const DIRECTORY = new URL('.', import.meta.url);
const HELPERS = new Set(['index.ts', 'case-table.ts']);
const modules = readdirSync(DIRECTORY).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !HELPERS.has(name));
const kebab = (code: string) => code.toLowerCase().replace(/_/g, '-');

test('every check module is registered', () => {
  const registered = CHECKS.map((check) => `${kebab(check.code)}.ts`).sort();
  assert.deepEqual(registered, [...modules].sort());
});

test('check codes are unique', () => {
  const codes = CHECKS.map((check) => check.code);
  assert.equal(new Set(codes).size, codes.length);
});

for (const check of CHECKS) {
  test(`${check.code} has a case table`, () => {
    const source = readFileSync(new URL(`${kebab(check.code)}.test.ts`, DIRECTORY), 'utf8');
    assert.match(source, /caseTable\(check, \{/);
    assert.match(source, /findings: \[\{ line: \d+, column: \d+/, 'at least one invalid case with a position');
    assert.match(source, /valid: \[\s*\{/, 'at least one valid case');
  });

  test(`${check.code} has metadata and a message`, () => {
    assert.ok(SEVERITIES.includes(check.severity));
    assert.doesNotMatch(check.description, /\n/);
    assert.ok(check.description.length <= 240, 'description fits one line of the README table');
    assert.ok(hasMessage(check.code), 'message table entry');
  });
}

test('README lists every check as generated', () => {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  assert.notEqual(start, -1, 'README has the start marker');
  assert.ok(end > start, 'README has the end marker after the start marker');
  const table = readme.slice(start + TABLE_START.length, end).trim();
  assert.equal(table, renderChecksTable(), 'README table is current: run npm run docs:checks');
});
