import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OptionTable, parseKnownArgs, type ArgParser } from './argparse.ts';
import { isPythonNumber } from './numbers.ts';

const PARSER: ArgParser = {
  options: [
    { dest: 'role-arn', optionStrings: ['--role-arn'], nargs: 'one', required: true },
    { dest: 'role-session-name', optionStrings: ['--role-session-name'], nargs: 'one' },
    { dest: 'tags', optionStrings: ['--tags'], nargs: 'any' },
    { dest: 'debug', optionStrings: ['--debug'], nargs: 'zero' },
    { dest: 'count', optionStrings: ['--count'], nargs: 'one', type: 'int' },
  ],
  positionals: [{ dest: 'help', optionStrings: [], nargs: 'optional' }],
};
const table = new OptionTable(PARSER);

test('options, prefixes and explicit values', () => {
  const result = parseKnownArgs(table, ['--role-a=x', '--role-s', 'y', '--tags', 'a', 'b', '--debug', '--count', '5']);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.parsed.map((arg) => [arg.optionString, arg.values]), [
    ['--role-arn', ['x']],
    ['--role-session-name', ['y']],
    ['--tags', ['a', 'b']],
    ['--debug', []],
    ['--count', ['5']],
  ]);
});

test('errors as argparse reports them', () => {
  const cases: Array<[string[], string[]]> = [
    [['--role', 'x'], ['ambiguous', 'required']],
    [['--role-arn'], ['expected-one']],
    [['--role-arn', '-x'], ['expected-one']],
    [['--role-arn', 'x', '--debug=1'], ['ignored-explicit']],
    [['--role-arn', 'x', '--count', 'five'], ['invalid-type']],
    [[], ['required']],
  ];
  for (const [args, kinds] of cases) {
    assert.deepEqual(parseKnownArgs(table, args).errors.map((error) => error.kind), kinds, args.join(' '));
  }
});

test('unknown options and stray values are extras', () => {
  const result = parseKnownArgs(table, ['--role-arn', 'x', 'stray', '--nope', 'value', '-1']);
  assert.deepEqual(result.extras, [3, 4, 5]);
  assert.deepEqual(result.parsed.find((arg) => arg.action.dest === 'help')?.values, ['stray']);
});

test('Python number syntax', () => {
  for (const text of ['12', ' -3 ', '+4', '1_000']) assert.ok(isPythonNumber(text, 'int'), text);
  for (const text of ['1.5', '1h', '', '1__0', '0x10']) assert.ok(!isPythonNumber(text, 'int'), text);
  for (const text of ['1.5', '.5', '5.', '1e3', 'inf', 'NaN', '-Infinity']) assert.ok(isPythonNumber(text, 'float'), text);
  for (const text of ['1.5.2', 'e3', 'abc']) assert.ok(!isPythonNumber(text, 'float'), text);
  // CPython reads Unicode decimal digits and spaces, but no other character that is not ASCII.
  for (const text of ['\uff11\uff12', '\u0663\u0666\u0660\u0660', '\u00a012\u3000', '\u0661_\u0660', '\u{1d7d9}']) assert.ok(isPythonNumber(text, 'int'), text);
  for (const text of ['\ufeff12', '\x1c12', '12\x7f', '\uff11\uff0e\uff15', '\u00b2']) assert.ok(!isPythonNumber(text, 'int'), text);
  for (const text of ['\uff11.\uff15', '1e\uff15', '\u00a0inf']) assert.ok(isPythonNumber(text, 'float'), text);
  for (const text of ['\uff11\uff0e\uff15', '\uff49nf']) assert.ok(!isPythonNumber(text, 'float'), text);
});

test('150,000 surplus positionals are extras', () => {
  const words: string[] = new Array<string>(150_000).fill('w');
  const result = parseKnownArgs(table, ['--role-arn', 'x', ...words]);
  assert.deepEqual(result.errors, []);
  assert.equal(result.extras.length, 149_999);
  assert.equal(result.extras[0], 3);
  assert.equal(result.extras.at(-1), 150_001);
});
