import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseWhitespace, truncate } from './page-text.ts';

test('collapseWhitespace joins runs and U+00A0', () => {
  assert.equal(collapseWhitespace('  Define\u00a0the \n\t role  name '), 'Define the role name');
});

test('truncate keeps short text', () => {
  assert.equal(truncate('role', 4), 'role');
});

test('truncate cuts at the limit', () => {
  assert.equal(truncate('TemporaryAccessRole', 9), 'Temporary');
});

test('truncate keeps surrogate pairs whole', () => {
  assert.equal(truncate('ab\u{1F600}cd', 3), 'ab');
  assert.equal(truncate('ab\u{1F600}cd', 4), 'ab\u{1F600}');
});
