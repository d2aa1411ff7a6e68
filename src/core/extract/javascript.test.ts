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
  { title: 'single quotes', code: `const x = 'a"b';`, variable: 'x', value: 'a"b', quote: "'" },
  { title: 'double quotes', code: `const x = "it's";`, variable: 'x', value: "it's", quote: '"' },
  { title: 'template literal', code: 'const a = "R";\nconst x = `${a}-x`;', variable: 'x', value: 'R-x', quote: '`' },
  { title: 'multi-line template', code: 'const x = `a\r\nb\rc`;', variable: 'x', value: 'a\nb\nc' },
  {
    title: 'escapes',
    code: String.raw`const x = "\n\t\\\'\"\x41\u00e9\u{1F600}\0\v\q";`,
    variable: 'x',
    value: '\n\t\\\'"Aé😀\0\vq',
  },
  { title: 'legacy octal escape', code: String.raw`var x = "\101\7";`, variable: 'x', value: 'A\x07' },
  { title: 'line continuation', code: 'const x = "ab\\\ncd";', variable: 'x', value: 'abcd' },
  { title: 'template escapes', code: 'const x = `\\u{41}\\`\\${x}`;', variable: 'x', value: 'A`${x}' },
  { title: 'string plus numbers', code: 'const x = "a" + 1 + 2;', variable: 'x', value: 'a12' },
  { title: 'numbers plus string', code: 'const x = 1 + 2 + "a";', variable: 'x', value: '3a' },
  { title: 'String() of other values', code: 'const x = "x" + null + true + [1, 2] + {};', variable: 'x', value: 'xnulltrue1,2[object Object]' },
  {
    title: 'template of other values',
    code: 'const x = `${ {} }${[1, [2, 3]]}${null}${undefined}`;',
    variable: 'x',
    value: '[object Object]1,2,3nullundefined',
  },
  {
    title: 'JSON.stringify compact',
    code: 'const x = JSON.stringify({ Version: "2012-10-17", S: [1, true, null] });',
    variable: 'x',
    value: '{"Version":"2012-10-17","S":[1,true,null]}',
    serializedBy: 'JSON.stringify',
  },
  {
    title: 'JSON.stringify with two spaces',
    code: 'const x = JSON.stringify({ a: [1, {}], b: [] }, null, 2);',
    variable: 'x',
    value: '{\n  "a": [\n    1,\n    {}\n  ],\n  "b": []\n}',
  },
  { title: 'JSON.stringify with a tab', code: 'const x = JSON.stringify({ a: [1] }, undefined, "\\t");', variable: 'x', value: '{\n\t"a": [\n\t\t1\n\t]\n}' },
  { title: 'JSON.stringify clamps the space', code: 'const x = JSON.stringify([1], null, 20);', variable: 'x', value: '[\n          1\n]' },
  {
    title: 'JSON.stringify of undefined and NaN',
    code: 'const x = JSON.stringify({ u: undefined, a: [undefined, NaN, -0, 1e21, 1.5e-7] });',
    variable: 'x',
    value: '{"a":[null,null,0,1e+21,1.5e-7]}',
  },
  { title: 'integer keys come first', code: 'const x = JSON.stringify({ b: 1, 2: 2, a: 3, 1: 4 });', variable: 'x', value: '{"1":4,"2":2,"b":1,"a":3}' },
  {
    title: 'JSON.stringify keeps non-ASCII',
    code: 'const x = JSON.stringify("é😀\\u2028\\n\\u0001\\"\\\\");',
    variable: 'x',
    value: '"é😀\u2028\\n\\u0001\\"\\\\"',
  },
  {
    title: 'JSON.stringify of an earlier variable',
    code: 'const statement = { Effect: "Allow" };\nconst x = JSON.stringify({ Statement: [statement] });',
    variable: 'x',
    value: '{"Statement":[{"Effect":"Allow"}]}',
  },
  {
    title: 'object literal',
    code: 'const x = { Version: "2012-10-17", "quoted key": 1, ok: true, none: null };',
    variable: 'x',
    value: { Version: '2012-10-17', 'quoted key': 1, ok: true, none: null },
    kind: 'object',
  },
  {
    title: 'shorthand, spread and computed keys',
    code: 'const a = 1;\nconst base = { b: 2 };\nconst x = { a, ...base, ["k" + 1]: 3, [`t`]: 4 };',
    variable: 'x',
    value: { a: 1, b: 2, k1: 3, t: 4 },
    kind: 'object',
  },
  {
    title: 'array with a hole and a spread',
    code: 'const a = [2, 3];\nconst x = [1, , ...a, ..."ab"];',
    variable: 'x',
    value: [1, undefined, 2, 3, 'a', 'b'],
    kind: 'array',
  },
  { title: 'true', code: 'const x = true;', variable: 'x', value: true, kind: 'boolean' },
  { title: 'null', code: 'const x = null;', variable: 'x', value: null, kind: 'null' },
  { title: 'undefined', code: 'const x = undefined;', variable: 'x', value: undefined, kind: 'null' },
  { title: 'hex with separators', code: 'const x = 0x1_F;', variable: 'x', value: 31, kind: 'number' },
  { title: 'legacy octal number', code: 'var x = 010;', variable: 'x', value: 8, kind: 'number' },
  { title: 'negative fraction', code: 'const x = -.5;', variable: 'x', value: -0.5, kind: 'number' },
  { title: 'export const', code: 'export const x = "e";', variable: 'x', value: 'e' },
  { title: 'let then assignment', code: 'let x;\nx = "later";', variable: 'x', value: 'later' },
  { title: 'var', code: 'var x = "v";', variable: 'x', value: 'v' },
  { title: 'assignment without declaration', code: 'x = "g";', variable: 'x', value: 'g' },
  { title: 'chained assignment', code: 'let a, b;\na = b = "v";', variable: 'a', value: 'v' },
  { title: 'augmented concatenation', code: 'let x = "a";\nx += "b";', variable: 'x', value: 'ab' },
  { title: 'declarations in one statement', code: 'const a = "1", b = a + "2";', variable: 'b', value: '12' },
  { title: 'String.raw', code: 'const n = "R";\nconst x = String.raw`a\\n${n}`;', variable: 'x', value: 'a\\nR' },
  { title: 'trim', code: 'const x = `\n  {"a": 1}\n`.trim();', variable: 'x', value: '{"a": 1}' },
  { title: 'labeled statement', code: 'step: x = "l";', variable: 'x', value: 'l' },
  { title: 'block statement', code: '{\n  x = "b";\n}', variable: 'x', value: 'b' },
  { title: 'unicode escape in a name', code: 'var role_name = "T";\nrole\\u005fname = "wrong";', variable: 'role_name', value: 'wrong' },
  { title: 'braced escape in a name', code: 'let \\u{72}ole = "T";', variable: 'role', value: 'T' },
  { title: 'assignment after a hoisted function', code: 'r = "T";\nfunction r() {}', variable: 'r', value: 'T' },
  { title: 'var after a hoisted function', code: 'function r() {}\nvar r = "T";', variable: 'r', value: 'T' },
  { title: 'var redeclaration', code: 'var r = "T";\nvar r = "w";', variable: 'r', value: 'w' },
  { title: 'var without a value keeps it', code: 'var r = "T";\nvar r;', variable: 'r', value: 'T' },
  { title: 'globalThis property of a var', code: 'var r = "T";\nglobalThis.r = "w";', variable: 'r', value: 'w' },
  { title: 'globalThis property of a let', code: 'let r = "T";\nglobalThis.r = "w";', variable: 'r', value: 'T' },
  { title: 'module.exports is no variable', code: 'var r = "T";\nmodule.exports.r = "w";\nexports.r = window.r;', variable: 'r', value: 'T' },
  { title: 'assignment in a function body', code: 'let r = "T";\nfunction f() { r = "w"; }\nsetTimeout(() => { r++; });', variable: 'r', value: 'T' },
  { title: 'dashes in a string', code: 'const c = "aws --x --y";\nlet q = c;', variable: 'q', value: 'aws --x --y' },
];

const TYPESCRIPT_VALUES: ValueCase[] = [
  { title: 'type annotation', code: 'const x: string = "v";', variable: 'x', value: 'v' },
  { title: 'as const', code: 'const x = { a: "v" } as const;', variable: 'x', value: { a: 'v' }, kind: 'object' },
  { title: 'satisfies', code: 'const x = "v" satisfies string;', variable: 'x', value: 'v' },
  { title: 'non-null assertion', code: 'const a = "v";\nconst x = a!;', variable: 'x', value: 'v' },
  { title: 'angle-bracket cast', code: 'const x = <string>"v";', variable: 'x', value: 'v' },
  {
    title: 'JSON.stringify with types around',
    code: 'interface P { Version: string }\nconst p: P = { Version: "2012-10-17" };\nexport const x: string = JSON.stringify(p, null, 2);',
    variable: 'x',
    value: '{\n  "Version": "2012-10-17"\n}',
  },
];

const FINDINGS: FindingCase[] = [
  { title: 'prompt()', code: 'const x = prompt("name");', findings: ['NOT_STATIC@1:11/input'], variable: 'x', kind: 'unreadable' },
  { title: 'readFileSync', code: 'const x = fs.readFileSync("p.json", "utf8");', findings: ['NOT_STATIC@1:11/file'] },
  { title: 'require', code: 'const x = require("./p.json");', findings: ['NOT_STATIC@1:11/file'] },
  { title: 'environment variable', code: 'const x = process.env.ROLE;', findings: ['NOT_STATIC@1:11/environment'] },
  { title: 'other call', code: 'const x = String(5);', findings: ['NOT_STATIC@1:11/call'] },
  { title: 'undefined bare name', code: 'const x = TemporaryAccessRole;', findings: ['UNDEFINED_NAME@1:11'], variable: 'x', kind: 'reference' },
  { title: 'undefined name in a template', code: 'const x = `a${missing}`;', findings: ['UNDEFINED_NAME@1:15'], variable: 'x', kind: 'unreadable' },
  {
    title: 'assignment in an if statement',
    code: 'let x = "0";\nif (ok) {\n  x = "a";\n}',
    findings: ['NOT_STATIC@3:3/conditional', 'REASSIGNED@3:3'],
    variable: 'x',
    kind: 'unreadable',
  },
  { title: 'var in a loop', code: 'for (const i of [1]) {\n  var x = "a";\n}', findings: ['NOT_STATIC@2:7/loop'], variable: 'x', kind: 'unreadable' },
  { title: 'let in a loop stays local', code: 'for (const i of [1]) {\n  let x = "a";\n}', findings: [] },
  { title: 'assignment in a try statement', code: 'try {\n  x = 1;\n} catch {}', findings: ['NOT_STATIC@2:3/exception'] },
  {
    title: 'const reassignment',
    code: 'const x = "1";\nx = "2";',
    findings: ['RUNTIME_ERROR@2:1'],
    variable: 'x',
    kind: 'string',
  },
  { title: 'let declared twice', code: 'let x = 1;\nlet x = 2;', findings: ['SYNTAX_ERROR@2:5', 'REASSIGNED@2:5'] },
  {
    title: 'destructuring',
    code: 'const { a, b } = obj;',
    findings: ['NOT_STATIC@1:7/unpacking', 'NOT_STATIC@1:7/unpacking'],
    variable: 'a',
    kind: 'unreadable',
  },
  { title: 'method in an object', code: 'const x = { a() { return 1; } };', findings: ['NOT_STATIC@1:13/function'] },
  { title: 'arrow function', code: 'const x = () => "v";', findings: ['NOT_STATIC@1:11/function'] },
  { title: 'push onto an array', code: 'const x = [];\nx.push(1);', findings: ['NOT_STATIC@2:1/mutated'], variable: 'x', kind: 'unreadable' },
  { title: 'push in an if statement', code: 'const x = [];\nif (ok) {\n  x.push(1);\n}', findings: ['NOT_STATIC@3:3/mutated'] },
  { title: 'Object.assign', code: 'const x = {};\nObject.assign(x, { a: 1 });', findings: ['NOT_STATIC@2:15/mutated'] },
  { title: 'property assignment', code: 'const x = {};\nx.a = 1;', findings: ['NOT_STATIC@2:1/mutated'] },
  { title: 'BigInt', code: 'const x = 10n;', findings: ['NOT_STATIC@1:11/expression'] },
  {
    title: 'JSON.stringify with a replacer',
    code: 'const x = JSON.stringify({}, (k, v) => v);',
    findings: ['NOT_STATIC@1:30/json-option'],
  },
  { title: 'unclosed string', code: 'const x = "abc\nconst y = 1;', findings: ['SYNTAX_ERROR@1:15'], variable: 'y', kind: 'number' },
  { title: 'conditional expression', code: 'const x = ok ? "a" : "b";', findings: ['NOT_STATIC@1:11/expression'] },
  { title: 'reassignment', code: 'let x = "1";\nx = "2";', findings: ['REASSIGNED@2:1'], variable: 'x', kind: 'string' },
  { title: 'invalid escape', code: 'const x = "\\x4";', findings: ['SYNTAX_ERROR@1:12'], variable: 'x', kind: 'unreadable' },
  { title: 'octal escape in a template', code: 'const x = `\\1`;', findings: ['SYNTAX_ERROR@1:12'] },
  {
    title: 'depends on an unreadable name',
    code: 'const a = prompt();\nconst b = `${a}!`;',
    findings: ['NOT_STATIC@1:11/input', 'NOT_STATIC@2:14/depends'],
  },
  { title: 'let before its declaration', code: 'const x = y;\nlet y = 1;', findings: ['UNDEFINED_NAME@1:11'], variable: 'x', kind: 'reference' },
];

/**
 * Every binding of a name after its assignment either wins or leaves the
 * name unreadable at the rebinding, so that a value the program does not end
 * with is never graded.
 */
const REBINDINGS: FindingCase[] = [
  { title: 'for of target', code: 'let r = "T";\nfor (r of ["w"]) {}', findings: ['NOT_STATIC@2:6/loop', 'REASSIGNED@2:6'], variable: 'r', kind: 'unreadable' },
  { title: 'for in target', code: 'let r = "T";\nfor (r in o) {}', findings: ['NOT_STATIC@2:6/loop', 'REASSIGNED@2:6'], variable: 'r', kind: 'unreadable' },
  { title: 'for var in', code: 'var r = "T";\nfor (var r in o) {}', findings: ['NOT_STATIC@2:10/loop', 'REASSIGNED@2:10'], variable: 'r', kind: 'unreadable' },
  { title: 'for of a pattern', code: 'let r = "T";\nfor ([r] of x) {}', findings: ['NOT_STATIC@2:7/loop', 'REASSIGNED@2:7'], variable: 'r', kind: 'unreadable' },
  { title: 'for const of', code: 'let r = "T";\nfor (const r of x) {}', findings: [], variable: 'r', kind: 'string' },
  {
    title: 'object destructuring in parentheses',
    code: 'let r = "T";\n({ r } = { r: "w" });',
    findings: ['NOT_STATIC@2:2/unpacking', 'REASSIGNED@2:4'],
    variable: 'r',
    kind: 'unreadable',
  },
  { title: 'array destructuring', code: 'let r = "T";\n[r] = ["w"];', findings: ['NOT_STATIC@2:1/unpacking', 'REASSIGNED@2:2'], variable: 'r', kind: 'unreadable' },
  { title: 'class after the assignment', code: 'r = "T";\nclass r {}', findings: ['NOT_STATIC@2:7/class', 'REASSIGNED@2:7'], variable: 'r', kind: 'unreadable' },
  { title: 'function after let', code: 'let r = "T";\nfunction r() {}', findings: ['SYNTAX_ERROR@2:10'], variable: 'r', kind: 'string' },
  { title: 'let after a function', code: 'function r() {}\nlet r = "T";', findings: ['SYNTAX_ERROR@2:5'], variable: 'r', kind: 'string' },
  { title: 'function in a block', code: 'var r = "T";\n{\n  function r() {}\n}', findings: ['NOT_STATIC@3:12/function', 'REASSIGNED@3:12'], variable: 'r', kind: 'unreadable' },
  {
    title: 'window property with brackets',
    code: 'var r = "T";\nwindow["r"] = "w";',
    findings: ['NOT_STATIC@2:1/global-object', 'REASSIGNED@2:8'],
    variable: 'r',
    kind: 'unreadable',
  },
  {
    title: 'Object.assign to globalThis',
    code: 'var r = "T";\nObject.assign(globalThis, { r: "w" });',
    findings: ['NOT_STATIC@2:15/global-object', 'REASSIGNED@2:29'],
    variable: 'r',
    kind: 'unreadable',
  },
  {
    title: 'Object.assign of unknown names',
    code: 'var r = "T";\nlet k = "K";\nObject.assign(window, o);',
    findings: ['NOT_STATIC@3:15/global-object', 'REASSIGNED@3:15'],
    variable: 'k',
    kind: 'string',
  },
  { title: 'assignment in a call', code: 'var r = "T";\nf(r = "w");', findings: ['NOT_STATIC@2:3/nested-assignment', 'REASSIGNED@2:3'], variable: 'r', kind: 'unreadable' },
  {
    title: 'assignment as a value',
    code: 'var r = "T";\nconst y = (r = "w");',
    findings: ['NOT_STATIC@2:12/nested-assignment', 'NOT_STATIC@2:12/expression', 'REASSIGNED@2:12'],
    variable: 'r',
    kind: 'unreadable',
  },
  { title: 'call of a function that assigns', code: 'let r = "T";\nfunction f() { r = "w"; }\nf();', findings: ['NOT_STATIC@3:1/call', 'REASSIGNED@3:1'], variable: 'r', kind: 'unreadable' },
  {
    title: 'callback that increments',
    code: 'let r = "T";\nconst g = () => { r++; };\nsetTimeout(g);',
    findings: ['NOT_STATIC@2:11/function', 'NOT_STATIC@3:12/call', 'REASSIGNED@3:12'],
    variable: 'r',
    kind: 'unreadable',
  },
  { title: 'function with its own variable', code: 'let r = "T";\nfunction f(r) { r = "w"; }\nfunction g() { let r; r = 1; }\nf(); g();', findings: [], variable: 'r', kind: 'string' },
  { title: 'function that assigns a const', code: 'const r = "T";\nfunction f() { r = "w"; }\nf();', findings: [], variable: 'r', kind: 'string' },
  { title: 'increment', code: 'var r = "T";\nr++;', findings: ['REASSIGNED@2:1', 'NOT_STATIC@2:2/operator'], variable: 'r', kind: 'unreadable' },
  { title: 'decrement in a condition', code: 'var r = "T";\nif (ok) --r;', findings: ['NOT_STATIC@2:9/operator', 'REASSIGNED@2:11'], variable: 'r', kind: 'unreadable' },
];

for (const entry of VALUES) {
  test(`javascript value: ${entry.title}`, () => checkValueCase('javascript', entry));
}

for (const entry of [...VALUES, ...TYPESCRIPT_VALUES]) {
  test(`typescript value: ${entry.title}`, () => checkValueCase('typescript', entry));
}

for (const entry of FINDINGS) {
  test(`javascript finding: ${entry.title}`, () => checkFindingCase('javascript', entry));
}

for (const entry of REBINDINGS) {
  test(`javascript rebinding: ${entry.title}`, () => checkFindingCase('javascript', entry));
}

test('javascript offsets of escapes', () => {
  const code = 'const x = "a\\tb\\u{e9}";';
  assert.deepEqual(offsetsOf(code, 'x', 'javascript'), [11, 12, 14, 15, 22]);
});

test('javascript offsets of a multi-line template', () => {
  const code = 'const x = `ab\ncd`;';
  assert.deepEqual(offsetsOf(code, 'x', 'javascript'), [11, 12, 13, 14, 15, 17]);
});

test('javascript offsets through an interpolation', () => {
  const code = 'const r = "Role";\nconst x = `a/${r}`;';
  assert.equal(sourceCharacters(code, 'x', 'javascript').join(''), 'a/Role');
});

test('javascript JSON.stringify offsets point at the literals', () => {
  const code = 'const x = JSON.stringify({ Effect: "Allow" }, null, 2);';
  const chars = sourceCharacters(code, 'x', 'javascript');
  const value = extractAssignments(code, 'javascript').assignments.get('x')?.value.value as string;
  const key = value.indexOf('Effect');
  const allow = value.indexOf('Allow');
  assert.equal(chars.slice(key, key + 6).join(''), 'Effect');
  assert.equal(chars.slice(allow, allow + 5).join(''), 'Allow');
});

test('javascript assignment positions', () => {
  const extraction = extractAssignments('// comment\nexport const role_name = "x";', 'javascript');
  const assignment = extraction.assignments.get('role_name');
  assert.equal(assignment?.line, 2);
  assert.equal(assignment?.column, 14);
  assert.equal(assignment?.value.start, 36);
  assert.equal(assignment?.value.end, 39);
});

test('javascript declaration without a value is no reassignment', () => {
  const extraction = extractAssignments('let x;\nx = "v";', 'javascript');
  assert.deepEqual(extraction.findings, []);
});

test('typescript parses generics that JavaScript would not', () => {
  const extraction = extractAssignments('const m = new Map<string, number>();\nconst x = "v";', 'typescript');
  assert.equal(extraction.assignments.get('x')?.value.value, 'v');
  assert.equal(extraction.findings.filter((finding) => finding.code === 'SYNTAX_ERROR').length, 0);
});
