import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShorthand } from './shorthand.ts';
import { toPlain } from './values.ts';

test('shorthand parses as awscli does', () => {
  // Expected values are awscli 2.9.19's ShorthandParser().parse() output.
  const cases: Array<[string, unknown]> = [
    ['Key=a,Value=b', { Key: 'a', Value: 'b' }],
    ['a=b,c,d=e', { a: ['b', 'c'], d: 'e' }],
    ['a=[x,y],b={c=d,e=[1,2]}', { a: ['x', 'y'], b: { c: 'd', e: ['1', '2'] } }],
    ["a='x,y'", { a: 'x,y' }],
    ['a=b c', { a: 'b c' }],
    ['Key=x,Value=', { Key: 'x', Value: '' }],
    ['a=b\\,c', { a: 'b,c' }],
    ['=x', { '': 'x' }],
    ['a="x\\"y"', { a: 'x"y' }],
    ['Key=a,Value', { Key: ['a', 'Value'] }],
  ];
  for (const [text, expected] of cases) {
    const result = parseShorthand(text);
    assert.ok('value' in result, text);
    assert.deepEqual(toPlain(result.value), expected, text);
  }
});

test('shorthand errors match awscli', () => {
  const cases: Array<[string, string, number, string?]> = [
    ['a=b,a=c', 'duplicate-key', 4],
    ['a', 'syntax', 1, '='],
    ['a={b=c', 'syntax', 6, ','],
    ['a=[x', 'syntax', 4, ','],
    ['a=b,', 'syntax', 4, '<second>'],
    ["a=b,'c", 'syntax', 4, '='],
    ['a=b,c,', 'syntax', 6, '<second>'],
  ];
  for (const [text, kind, index, expected] of cases) {
    const result = parseShorthand(text);
    assert.ok('error' in result, text);
    assert.equal(result.error.kind, kind, text);
    assert.equal(result.error.index, index, text);
    if (expected) assert.equal(result.error.expected, expected, text);
  }
});

test('shorthand ranges point at values', () => {
  const text = 'Key=team,Value=lab';
  const result = parseShorthand(text);
  assert.ok('ranges' in result);
  const range = result.ranges.get('Value');
  assert.ok(range);
  assert.equal(text.slice(range[0], range[1]), 'Value=lab');
});
