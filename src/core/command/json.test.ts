import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from './json.ts';
import { toPlain } from './values.ts';

test('json values parse as Python reads them', () => {
  const cases: Array<[string, unknown]> = [
    ['{"a": [1, 2.5, true, null]}', { a: [1, 2.5, true, null] }],
    ['  "x\\u0041\\n"  ', 'xA\n'],
    ['{"a": 1, "a": 2}', { a: 2 }],
    ['NaN', NaN],
    ['-Infinity', -Infinity],
    ['{"__proto__": 1}', JSON.parse('{"__proto__": 1}')],
  ];
  for (const [text, expected] of cases) {
    const result = parseJson(text);
    assert.ok('value' in result, text);
    assert.deepEqual(toPlain(result.value), expected, text);
  }
});

test('json keeps integers apart from floats', () => {
  const result = parseJson('[1, 1.0, 1e2]');
  assert.ok('value' in result);
  assert.deepEqual(result.value, [1n, 1, 100]);
});

test('json errors give Python reason and index', () => {
  const cases: Array<[string, string, number]> = [
    ['', 'Expecting value', 0],
    ['{"a": 1,}', 'Expecting property name enclosed in double quotes', 8],
    ['{"a" 1}', "Expecting ':' delimiter", 5],
    ['[1 2]', "Expecting ',' delimiter", 3],
    ['"abc', 'Unterminated string starting at', 0],
    ['"a\tb"', 'Invalid control character at', 2],
    ['{} x', 'Extra data', 3],
    ["{'a': 1}", 'Expecting property name enclosed in double quotes', 1],
    ['['.repeat(5000), 'Nesting too deep', 901],
  ];
  for (const [text, reason, index] of cases) {
    const result = parseJson(text);
    assert.ok('error' in result, text);
    assert.equal(result.error.reason, reason, text);
    assert.equal(result.error.index, index, text);
  }
});

test('json ranges point at each value', () => {
  const text = '{"Tags": [{"Key": "a"}]}';
  const result = parseJson(text);
  assert.ok('ranges' in result);
  const range = result.ranges.get('Tags[0].Key');
  assert.ok(range);
  assert.equal(text.slice(range[0], range[1]), '"a"');
});
