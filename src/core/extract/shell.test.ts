import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAssignments } from './index.ts';
import {
  checkFindingCase,
  checkValueCase,
  offsetsOf,
  sourceCharacters,
  type FindingCase,
  type ValueCase,
} from './case-table.ts';

const VALUES: ValueCase[] = [
  { title: 'single quotes', code: "x='a b'", variable: 'x', value: 'a b', quote: "'" },
  { title: 'double quotes', code: 'x="a b"', variable: 'x', value: 'a b', quote: '"' },
  { title: 'unquoted', code: 'x=TemporaryAccessRole', variable: 'x', value: 'TemporaryAccessRole' },
  { title: 'ANSI-C quotes', code: "x=$'a\\tb\\x41'", variable: 'x', value: 'a\tbA', quote: "$'" },
  { title: 'escaped space', code: 'x=a\\ b', variable: 'x', value: 'a b' },
  { title: 'double-quote escapes', code: 'x="a\\"b\\\\c\\$d\\e"', variable: 'x', value: 'a"b\\c$d\\e' },
  { title: 'single quotes keep backslashes', code: "x='a\\nb'", variable: 'x', value: 'a\\nb' },
  { title: 'mixed quoting', code: `x='a'"b"c`, variable: 'x', value: 'abc' },
  { title: 'variable expansion', code: 'a=Role\nx="arn/$a/x"', variable: 'x', value: 'arn/Role/x' },
  { title: 'braced expansion', code: 'a=Role\nx="${a}s"', variable: 'x', value: 'Roles' },
  { title: 'unquoted expansions', code: 'a=1\nb=2\nx=$a$b', variable: 'x', value: '12' },
  { title: 'export', code: 'export x="e"', variable: 'x', value: 'e' },
  { title: 'readonly', code: 'readonly x=r', variable: 'x', value: 'r' },
  { title: 'declare with an option', code: 'declare -r x="d"', variable: 'x', value: 'd' },
  {
    title: 'multi-line single-quoted policy',
    code: `trust_policy='{\n  "Version": "2012-10-17"\n}'`,
    variable: 'trust_policy',
    value: '{\n  "Version": "2012-10-17"\n}',
    quote: "'",
  },
  {
    title: 'here-document in a command substitution',
    code: `x=$(cat <<'EOF'\n{"a": "$b"}\nEOF\n)`,
    variable: 'x',
    value: '{"a": "$b"}',
  },
  {
    title: 'unquoted here-document expands variables',
    code: `b=R\nx="$(cat <<EOF\n{"a": "$b", "c": "\\$d"}\n\nEOF\n)"`,
    variable: 'x',
    value: '{"a": "R", "c": "$d"}',
  },
  { title: 'here-document with stripped tabs', code: 'x=$(cat <<-EOF\n\t\tab\n\tEOF\n)', variable: 'x', value: 'ab' },
  { title: 'continuation in double quotes', code: 'x="a\\\nb"', variable: 'x', value: 'ab' },
  { title: 'several assignments on a line', code: 'a=1 b=2', variable: 'b', value: '2' },
  { title: 'assignments separated by a semicolon', code: 'a=1; b="$a"', variable: 'b', value: '1' },
  { title: 'shebang and comments', code: '#!/bin/bash\n# role\nx=r # trailing', variable: 'x', value: 'r' },
  { title: 'empty value', code: 'x=', variable: 'x', value: '' },
  { title: 'extending a value', code: 'x=a\nx="$x b"', variable: 'x', value: 'a b' },
  { title: 'brace group runs', code: '{ x=1; }', variable: 'x', value: '1' },
  { title: 'function body is skipped', code: 'x=top\nf() {\n  x=inner\n}', variable: 'x', value: 'top' },
  { title: 'subshell is skipped', code: 'x=top\n(x=inner)', variable: 'x', value: 'top' },
  { title: 'command prefix assignment is skipped', code: 'x=top\nx=env aws sts get-caller-identity', variable: 'x', value: 'top' },
  { title: 'CRLF line endings', code: 'x=a\r\ny="b"\r\n', variable: 'y', value: 'b' },
  { title: 'append assignment', code: 'r=T\nr+="x$r"', variable: 'r', value: 'TxT' },
  { title: 'append to an unset name', code: 'r+=x', variable: 'r', value: 'x' },
  { title: 'export with append', code: 'r=T\nexport r+=W', variable: 'r', value: 'TW' },
  { title: 'local outside a function', code: 'r=T\nlocal r=W', variable: 'r', value: 'T' },
  { title: 'local in a called function', code: 'f() { local r=W; }\nr=T\nf', variable: 'r', value: 'T' },
  { title: 'unset -f removes a function', code: 'r=T\nunset -f r', variable: 'r', value: 'T' },
  { title: 'export without a value', code: 'r=T\nexport r', variable: 'r', value: 'T' },
];

const FINDINGS: FindingCase[] = [
  { title: 'command substitution', code: 'x=$(date)', findings: ['NOT_STATIC@1:3/command-substitution'], variable: 'x', kind: 'unreadable' },
  { title: 'backticks', code: 'x=`date`', findings: ['NOT_STATIC@1:3/command-substitution'] },
  { title: 'arithmetic', code: 'x=$((1 + 2))', findings: ['NOT_STATIC@1:3/arithmetic'] },
  { title: 'parameter expansion', code: 'a=1\nx=${a:-d}', findings: ['NOT_STATIC@2:3/parameter-expansion'] },
  { title: 'undefined variable', code: 'x="arn/$ROLE"', findings: ['UNDEFINED_NAME@1:8'], variable: 'x', kind: 'unreadable' },
  { title: 'positional parameter', code: 'x=$1', findings: ['NOT_STATIC@1:3/input'] },
  { title: 'read', code: 'read -r x', findings: ['NOT_STATIC@1:9/input'], variable: 'x', kind: 'unreadable' },
  {
    title: 'for loop',
    code: 'for i in 1 2; do\n  x=$i\ndone',
    findings: ['NOT_STATIC@1:5/loop', 'NOT_STATIC@2:3/loop'],
    variable: 'x',
    kind: 'unreadable',
  },
  { title: 'if statement', code: 'if true; then x=1; fi', findings: ['NOT_STATIC@1:15/conditional'], variable: 'x', kind: 'unreadable' },
  { title: 'after &&', code: 'test -f p && x=1', findings: ['NOT_STATIC@1:14/conditional'] },
  { title: 'case branch', code: 'case $1 in\n  a) x=1 ;;\nesac', findings: ['NOT_STATIC@2:6/conditional'] },
  { title: 'unclosed quote', code: "x='abc", findings: ['SYNTAX_ERROR@1:3'] },
  { title: 'curly quotes', code: 'x=\u201cRole\u201d', findings: ['CURLY_QUOTE@1:3', 'CURLY_QUOTE@1:8'], variable: 'x', kind: 'string' },
  { title: 'reassignment', code: 'x=1\nx=2', findings: ['REASSIGNED@2:1'], variable: 'x', kind: 'string' },
  { title: 'array', code: 'x=(a b)\ny=1', findings: ['NOT_STATIC@1:1/array'], variable: 'y', kind: 'string' },
  { title: 'other command substitution', code: 'x=$(cat p.json)', findings: ['NOT_STATIC@1:3/command-substitution'] },
  { title: 'depends on an unreadable name', code: 'a=$(date)\nx="$a"', findings: ['NOT_STATIC@1:3/command-substitution', 'NOT_STATIC@2:4/depends'] },
];

/**
 * Every command that sets a name after its assignment either gives it a new
 * value or leaves it unreadable at that command.
 */
const REBINDINGS: FindingCase[] = [
  { title: 'read', code: 'r=T\nread r', findings: ['NOT_STATIC@2:6/input', 'REASSIGNED@2:6'], variable: 'r', kind: 'unreadable' },
  { title: 'for target', code: 'r=T\nfor r in a b; do :; done', findings: ['NOT_STATIC@2:5/loop', 'REASSIGNED@2:5'], variable: 'r', kind: 'unreadable' },
  { title: 'declare', code: 'r=T\ndeclare r=W', findings: ['REASSIGNED@2:9'], variable: 'r', kind: 'string' },
  { title: 'declare -u', code: 'r=T\ndeclare -u r=w', findings: ['NOT_STATIC@2:12/expression', 'REASSIGNED@2:12'], variable: 'r', kind: 'unreadable' },
  { title: 'declare -i', code: 'r=T\ntypeset -i r=1+2', findings: ['NOT_STATIC@2:12/arithmetic', 'REASSIGNED@2:12'], variable: 'r', kind: 'unreadable' },
  { title: 'declare -a', code: 'r=T\ndeclare -a r=w', findings: ['NOT_STATIC@2:12/array', 'REASSIGNED@2:12'], variable: 'r', kind: 'unreadable' },
  { title: 'export', code: 'r=T\nexport r=W', findings: ['REASSIGNED@2:8'], variable: 'r', kind: 'string' },
  { title: 'printf -v', code: 'r=T\nprintf -v r "%s" W', findings: ['NOT_STATIC@2:11/call', 'REASSIGNED@2:11'], variable: 'r', kind: 'unreadable' },
  { title: 'mapfile', code: 'r=T\nmapfile -t r < f', findings: ['NOT_STATIC@2:12/input', 'REASSIGNED@2:12'], variable: 'r', kind: 'unreadable' },
  { title: 'getopts', code: 'r=T\ngetopts ab r', findings: ['NOT_STATIC@2:12/input', 'REASSIGNED@2:12'], variable: 'r', kind: 'unreadable' },
  { title: 'let', code: 'r=T\nlet r=1', findings: ['NOT_STATIC@2:5/arithmetic', 'REASSIGNED@2:5'], variable: 'r', kind: 'unreadable' },
  { title: 'function call', code: 'r=T\nf() {\n  r=W\n}\nf', findings: ['NOT_STATIC@5:1/call', 'REASSIGNED@5:1'], variable: 'r', kind: 'unreadable' },
  { title: 'function keyword call', code: 'r=T\nfunction g { r=W; }\ng', findings: ['NOT_STATIC@3:1/call', 'REASSIGNED@3:1'], variable: 'r', kind: 'unreadable' },
  { title: 'assignment after a call', code: 'r=T\nf() { r=W; }\nf\nr=X', findings: ['NOT_STATIC@3:1/call', 'REASSIGNED@4:1'], variable: 'r', kind: 'string' },
  { title: 'function in a subshell', code: 'r=T\nf() ( r=W )\nf', findings: [], variable: 'r', kind: 'string' },
];

for (const entry of VALUES) {
  test(`shell value: ${entry.title}`, () => checkValueCase('shell', entry));
}

for (const entry of FINDINGS) {
  test(`shell finding: ${entry.title}`, () => checkFindingCase('shell', entry));
}

for (const entry of REBINDINGS) {
  test(`shell rebinding: ${entry.title}`, () => checkFindingCase('shell', entry));
}

test('shell unset after assignment undefines', () => {
  const extraction = extractAssignments('r=T\nunset -v r', 'shell');
  assert.equal(extraction.assignments.has('r'), false);
});

test('shell offsets of escapes in double quotes', () => {
  const code = 'x="a\\"b"';
  assert.deepEqual(offsetsOf(code, 'x', 'shell'), [3, 5, 6, 8]);
});

test('shell offsets of a multi-line value', () => {
  const code = "x='a\nb'";
  assert.deepEqual(offsetsOf(code, 'x', 'shell'), [3, 4, 5, 7]);
});

test('shell offsets of an expansion point at the earlier literal', () => {
  const code = 'a=Role\nx="arn/$a"';
  assert.equal(sourceCharacters(code, 'x', 'shell').join(''), 'arn/Role');
});

test('shell offsets of a here-document', () => {
  const code = `x=$(cat <<'EOF'\nab\nEOF\n)`;
  assert.deepEqual(offsetsOf(code, 'x', 'shell'), [16, 17, 24]);
});

test('shell value spans include the quotes', () => {
  const assignment = extractAssignments('export role_name="R"', 'shell').assignments.get('role_name');
  assert.equal(assignment?.start, 7);
  assert.equal(assignment?.column, 8);
  assert.equal(assignment?.value.start, 17);
  assert.equal(assignment?.value.end, 20);
});

test('shell unset removes a variable', () => {
  const extraction = extractAssignments('x=1\nunset x', 'shell');
  assert.equal(extraction.assignments.has('x'), false);
});
