import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAssignments } from './index.ts';
import {
  checkFindingCase,
  checkValueCase,
  describeFinding,
  offsetsOf,
  sourceCharacters,
  type FindingCase,
  type ValueCase,
} from './case-table.ts';

const POLICY_JSON = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}';

const VALUES: ValueCase[] = [
  { title: 'single quotes', code: `x = 'a"b'`, variable: 'x', value: 'a"b', quote: "'" },
  { title: 'double quotes', code: `x = "it's"`, variable: 'x', value: "it's", quote: '"' },
  { title: 'triple double quotes', code: 'x = """a\nb"""', variable: 'x', value: 'a\nb', quote: '"""' },
  { title: 'triple single quotes', code: "x = '''it's'''", variable: 'x', value: "it's", quote: "'''" },
  { title: 'raw string', code: String.raw`x = r'\d\n'`, variable: 'x', value: String.raw`\d\n`, quote: "r'" },
  { title: 'raw string keeps an escaped quote', code: String.raw`x = r"a\"b"`, variable: 'x', value: String.raw`a\"b` },
  { title: 'bytes', code: String.raw`x = b'\x41B'`, variable: 'x', value: 'AB', quote: "b'", kind: 'bytes' },
  { title: 'raw bytes', code: String.raw`x = Rb'\x41'`, variable: 'x', value: String.raw`\x41`, quote: "Rb'", kind: 'bytes' },
  { title: 'u prefix', code: "x = u'é'", variable: 'x', value: 'é', quote: "u'" },
  {
    title: 'escapes',
    code: String.raw`x = "\n\t\\\'\"\x41\u00e9\U0001F600\101\a\0"`,
    variable: 'x',
    value: '\n\t\\\'"Aé😀A\x07\0',
  },
  { title: 'named escapes', code: String.raw`x = "\N{BULLET}\N{latin small letter a}"`, variable: 'x', value: '•a' },
  { title: 'unknown escape keeps the backslash', code: String.raw`x = "\d"`, variable: 'x', value: String.raw`\d` },
  { title: 'line continuation in a string', code: 'x = "ab\\\ncd"', variable: 'x', value: 'abcd' },
  { title: 'implicit concatenation', code: `x = "a" 'b' """c"""`, variable: 'x', value: 'abc' },
  { title: 'parenthesized concatenation', code: 'x = (\n    "aws sts "\n    "assume-role"\n)', variable: 'x', value: 'aws sts assume-role' },
  { title: 'concatenation after a backslash', code: 'x = "a" \\\n    "b"', variable: 'x', value: 'ab' },
  { title: 'plus concatenation', code: 'a = "x"\nb = a + "y" + a', variable: 'b', value: 'xyx' },
  { title: 'f-string', code: 'n = "R"\nx = f"{n}-{{lit}}"', variable: 'x', value: 'R-{lit}', quote: 'f"' },
  { title: 'f-string conversions', code: 'n = "R"\nx = f"{n!r} {n=}"', variable: 'x', value: "'R' n='R'" },
  {
    title: 'f-string of other types',
    code: `x = f"{1}{2.5}{True}{None}{[1, 'a']}{ {'k': 1} }"`,
    variable: 'x',
    value: "12.5TrueNone[1, 'a']{'k': 1}",
  },
  { title: 'f-string repr picks quotes', code: `x = f'''{"it's"!r}'''`, variable: 'x', value: `"it's"` },
  { title: 'raw f-string', code: 'n = "R"\nx = rf"\\d{n}"', variable: 'x', value: '\\dR', quote: 'rf"' },
  { title: 'triple-quoted f-string', code: 'a = "1"\nx = f"""{a}\n{a}"""', variable: 'x', value: '1\n1' },
  {
    title: 'json.dumps default separators and ensure_ascii',
    code: 'import json\nx = json.dumps({"a": [1, True, None], "b": "é"})',
    variable: 'x',
    value: '{"a": [1, true, null], "b": "\\u00e9"}',
    serializedBy: 'json.dumps',
  },
  {
    title: 'json.dumps with indent',
    code: 'import json\nx = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}, indent=2)',
    variable: 'x',
    value: POLICY_JSON,
  },
  {
    title: 'json.dumps with indent and sort_keys',
    code: 'import json\nx = json.dumps({"b": 1, "a": {"d": [], "c": {}}}, indent=4, sort_keys=True)',
    variable: 'x',
    value: '{\n    "a": {\n        "c": {},\n        "d": []\n    },\n    "b": 1\n}',
  },
  {
    title: 'json.dumps with separators',
    code: 'import json\nx = json.dumps({"a": [1, 2]}, separators=(",", ":"))',
    variable: 'x',
    value: '{"a":[1,2]}',
  },
  {
    title: 'json.dumps without ensure_ascii',
    code: 'import json\nx = json.dumps(["é😀"], ensure_ascii=False)',
    variable: 'x',
    value: '["é😀"]',
  },
  {
    title: 'json.dumps with a tab indent',
    code: 'import json\nx = json.dumps({"a": [1]}, indent="\\t")',
    variable: 'x',
    value: '{\n\t"a": [\n\t\t1\n\t]\n}',
  },
  {
    title: 'json.dumps numbers as Python prints them',
    code: 'import json\nx = json.dumps([1.0, 1e16, 1e-5, 0.0001, 123456789012345678901234567890, -0.0, 2.5e-7, 1e22, 12345678.9])',
    variable: 'x',
    value: '[1.0, 1e+16, 1e-05, 0.0001, 123456789012345678901234567890, -0.0, 2.5e-07, 1e+22, 12345678.9]',
  },
  {
    title: 'json.dumps keys that are not strings',
    code: 'import json\nx = json.dumps({1: "a", True: "b", None: 1, 2.5: 2, False: 0})',
    variable: 'x',
    value: '{"1": "b", "null": 1, "2.5": 2, "false": 0}',
  },
  {
    title: 'json.dumps escapes',
    code: 'import json\nx = json.dumps("tab\\there \\"q\\" \\\\ \\x01 \\x7f")',
    variable: 'x',
    value: '"tab\\there \\"q\\" \\\\ \\u0001 \\u007f"',
  },
  {
    title: 'json.dumps of an earlier variable',
    code: 'import json\np = {"A": 1}\nx = json.dumps({"S": [p, (2,)]})',
    variable: 'x',
    value: '{"S": [{"A": 1}, [2]]}',
  },
  { title: 'from json import dumps', code: 'from json import dumps\nx = dumps([1])', variable: 'x', value: '[1]' },
  { title: 'import json as an alias', code: 'import json as j\nx = j.dumps({}, indent=2)', variable: 'x', value: '{}' },
  {
    title: 'dict literal',
    code: 'x = {"Version": "2012-10-17", "n": 1, "ok": True, "none": None}',
    variable: 'x',
    value: { Version: '2012-10-17', n: 1, ok: true, none: null },
    kind: 'object',
  },
  { title: 'repeated dict key', code: 'x = {"a": 1, "b": 2, "a": 3}', variable: 'x', value: { a: 3, b: 2 }, kind: 'object' },
  { title: 'dict unpacking', code: 'a = {"k": 1}\nx = {**a, "j": 2}', variable: 'x', value: { k: 1, j: 2 }, kind: 'object' },
  { title: 'list and tuple', code: 'x = [1, "a", (2, 3)]', variable: 'x', value: [1, 'a', [2, 3]], kind: 'array' },
  { title: 'True', code: 'x = True', variable: 'x', value: true, kind: 'boolean' },
  { title: 'None', code: 'x = None', variable: 'x', value: null, kind: 'null' },
  { title: 'hex int with underscores', code: 'x = 0x1_F', variable: 'x', value: 31, kind: 'number' },
  { title: 'negative float', code: 'x = -3.5e2', variable: 'x', value: -350, kind: 'number' },
  { title: 'int addition', code: 'x = 3000 + 600', variable: 'x', value: 3600, kind: 'number' },
  { title: 'name of an earlier variable', code: 'a = "v"\nb = a', variable: 'b', value: 'v' },
  { title: 'augmented concatenation', code: 'x = "a"\nx += "b"', variable: 'x', value: 'ab' },
  { title: 'annotated assignment', code: 'x: str = "v"', variable: 'x', value: 'v' },
  { title: 'chained assignment', code: 'a = b = "v"', variable: 'a', value: 'v' },
  { title: 'tuple unpacking', code: 'a, b = "x", "y"', variable: 'b', value: 'y' },
  { title: 'main guard body runs', code: 'if __name__ == "__main__":\n    x = "m"\nelse:\n    x = "o"', variable: 'x', value: 'm' },
  { title: 'strip', code: 'x = """\n  abc \n""".strip()', variable: 'x', value: 'abc' },
  { title: 'with body runs once', code: 'with open("f") as f:\n    x = "w"', variable: 'x', value: 'w' },
  { title: 'import inside try', code: 'try:\n    import json\nexcept ImportError:\n    pass\nx = json.dumps([1])', variable: 'x', value: '[1]' },
  { title: 'CRLF line endings', code: 'x = """a\r\nb"""\r\ny = 1\r\n', variable: 'x', value: 'a\nb' },
  { title: 'statement ending in a semicolon', code: 'role_name = "TemporaryAccessRole";', variable: 'role_name', value: 'TemporaryAccessRole' },
  { title: 'statements separated by semicolons', code: 'x = 1; role_name = "T"', variable: 'role_name', value: 'T' },
  { title: 'later semicolon statement wins', code: 'r = "a"; r = "b";', variable: 'r', value: 'b' },
  { title: 'walrus statement rebinds', code: 'r = "T"\n(r := "wrong")', variable: 'r', value: 'wrong' },
  { title: 'walrus in a call argument', code: 'r = "T"\nprint(r := "wrong")', variable: 'r', value: 'wrong' },
  { title: 'walrus as an assigned value', code: 'y = (r := "w")', variable: 'y', value: 'w' },
  { title: 'NFKC spelling of a name', code: 'role_name = "T"\n\uff52ole_name = "wrong"', variable: 'role_name', value: 'wrong' },
  { title: 'definition before the assignment', code: 'def r():\n    pass\nr = "T"', variable: 'r', value: 'T' },
  {
    title: 'assignment in a function body',
    code: 'r = "T"\ndef f():\n    r = "w"\nclass C:\n    r = "c"\nprint(lambda: (r := "l"))',
    variable: 'r',
    value: 'T',
  },
];

const FINDINGS: FindingCase[] = [
  { title: 'input()', code: 'x = input("name")', findings: ['NOT_STATIC@1:5/input'], variable: 'x', kind: 'unreadable' },
  { title: 'reading a file', code: 'x = open("p.json").read()', findings: ['NOT_STATIC@1:5/file'], variable: 'x', kind: 'unreadable' },
  { title: 'other call', code: 'x = str(5)', findings: ['NOT_STATIC@1:5/call'], variable: 'x', kind: 'unreadable' },
  { title: 'undefined bare name', code: 'x = TemporaryAccessRole', findings: ['UNDEFINED_NAME@1:5'], variable: 'x', kind: 'reference' },
  { title: 'name assigned later', code: 'x = y\ny = "v"', findings: ['UNDEFINED_NAME@1:5'], variable: 'x', kind: 'reference' },
  { title: 'undefined name in an f-string', code: 'x = f"a{missing}"', findings: ['UNDEFINED_NAME@1:9'], variable: 'x', kind: 'unreadable' },
  { title: 'assignment in a loop', code: 'for i in range(3):\n    x = "a"', findings: ['NOT_STATIC@1:5/loop', 'NOT_STATIC@2:5/loop'], variable: 'x', kind: 'unreadable' },
  {
    title: 'assignment in an if statement',
    code: 'x = "0"\nif ok:\n    x = "a"',
    findings: ['NOT_STATIC@3:5/conditional', 'REASSIGNED@3:5'],
    variable: 'x',
    kind: 'unreadable',
  },
  { title: 'assignment in a try statement', code: 'try:\n    x = "a"\nexcept E:\n    pass', findings: ['NOT_STATIC@2:5/exception'], variable: 'x', kind: 'unreadable' },
  { title: 'environment variable', code: 'import os\nx = os.environ["ROLE"]', findings: ['NOT_STATIC@2:5/environment'], variable: 'x', kind: 'unreadable' },
  { title: 'json.dumps default=', code: 'import json\nx = json.dumps({}, default=str)', findings: ['NOT_STATIC@2:28/json-option'] },
  { title: 'string repetition', code: 'x = "a" * 3', findings: ['NOT_STATIC@1:9/operator'], variable: 'x', kind: 'unreadable' },
  { title: 'str plus int', code: 'x = "a" + 1', findings: ['RUNTIME_ERROR@1:5'], variable: 'x', kind: 'unreadable' },
  { title: 'bytes and str literals', code: `x = b"a" "b"`, findings: ['SYNTAX_ERROR@1:10'], variable: 'x', kind: 'unreadable' },
  { title: 'unclosed string', code: 'x = "abc\ny = 1', findings: ['SYNTAX_ERROR@1:5'], variable: 'y', kind: 'number' },
  { title: 'unclosed bracket', code: 'x = [1, 2\n', findings: ['SYNTAX_ERROR@1:10'], variable: 'x', kind: 'unreadable' },
  {
    title: 'dict changed after assignment',
    code: 'p = {"a": 1}\np["b"] = 2',
    findings: ['NOT_STATIC@2:1/mutated'],
    variable: 'p',
    kind: 'unreadable',
  },
  {
    title: 'dict changed in an if statement',
    code: 'p = {"a": 1}\nif ok:\n    p["b"] = 2',
    findings: ['NOT_STATIC@3:5/mutated'],
    variable: 'p',
    kind: 'unreadable',
  },
  { title: 'function defined in an if statement', code: 'if ok:\n    def f():\n        x = 1', findings: [] },
  { title: 'method call on a list', code: 'p = []\np.append(1)', findings: ['NOT_STATIC@2:1/mutated'], variable: 'p', kind: 'unreadable' },
  { title: 'format spec', code: 'n = "R"\nx = f"{n:>10}"', findings: ['NOT_STATIC@2:9/format-spec'], variable: 'x', kind: 'unreadable' },
  { title: 'json.dumps without import', code: 'x = json.dumps([1])', findings: ['MISSING_IMPORT@1:5'], variable: 'x', kind: 'string' },
  { title: 'reassignment', code: 'x = "1"\nx = "2"', findings: ['REASSIGNED@2:1'], variable: 'x', kind: 'string' },
  { title: 'unknown Unicode name', code: 'x = "\\N{SNOWMAN}"', findings: ['NOT_STATIC@1:6/unicode-name'], variable: 'x', kind: 'unreadable' },
  { title: 'invalid hex escape', code: 'x = "\\x4"', findings: ['SYNTAX_ERROR@1:6'], variable: 'x', kind: 'unreadable' },
  { title: 'unpacking count mismatch', code: 'a, b = 1, 2, 3', findings: ['RUNTIME_ERROR@1:8', 'RUNTIME_ERROR@1:8'], variable: 'a', kind: 'unreadable' },
  { title: 'comprehension', code: 'x = [c for c in "ab"]', findings: ['NOT_STATIC@1:5/comprehension'], variable: 'x', kind: 'unreadable' },
  { title: 'depends on an unreadable name', code: 'a = input()\nb = a + "x"', findings: ['NOT_STATIC@1:5/input', 'NOT_STATIC@2:5/depends'], variable: 'b', kind: 'unreadable' },
  { title: 'function value', code: 'def f():\n    return 1\nx = f', findings: ['NOT_STATIC@3:5/depends'], variable: 'x', kind: 'unreadable' },
  { title: 'bytes literal', code: 'x = b"TemporaryAccessRole"', findings: [], variable: 'x', kind: 'bytes' },
  {
    title: 'json.dumps cut at the parse nesting limit',
    code: `import json\nx = json.dumps(${'{"a":'.repeat(250)}1${'}'.repeat(250)})`,
    findings: ['LIMIT_EXCEEDED@2:1011'],
    variable: 'x',
    kind: 'unreadable',
  },
  { title: 'unclosed json.dumps call', code: 'import json\nx = json.dumps({"a": 1}\ny = 2', findings: ['SYNTAX_ERROR@2:24'], variable: 'x', kind: 'unreadable' },
  { title: 'semicolons after a colon', code: 'if ok: x = "a"; y = "b"', findings: ['NOT_STATIC@1:8/conditional', 'NOT_STATIC@1:17/conditional'], variable: 'y', kind: 'unreadable' },
];

/**
 * Every binding of a name after its assignment either wins or leaves the
 * name unreadable at the rebinding, so that a value the program does not end
 * with is never graded.
 */
const REBINDINGS: FindingCase[] = [
  { title: 'def', code: 'r = "T"\ndef r():\n    pass', findings: ['NOT_STATIC@2:5/function', 'REASSIGNED@2:5'], variable: 'r', kind: 'unreadable' },
  { title: 'decorated def', code: 'r = "T"\n@d\ndef r():\n    pass', findings: ['NOT_STATIC@3:5/function', 'REASSIGNED@3:5'], variable: 'r', kind: 'unreadable' },
  { title: 'class', code: 'r = "T"\nclass r:\n    pass', findings: ['NOT_STATIC@2:7/class', 'REASSIGNED@2:7'], variable: 'r', kind: 'unreadable' },
  { title: 'import as', code: 'r = "T"\nimport os as r', findings: ['NOT_STATIC@2:14/import', 'REASSIGNED@2:14'], variable: 'r', kind: 'unreadable' },
  { title: 'import json as', code: 'r = "T"\nimport json as r', findings: ['NOT_STATIC@2:16/import', 'REASSIGNED@2:16'], variable: 'r', kind: 'unreadable' },
  { title: 'from import as', code: 'r = "T"\nfrom x import y as r', findings: ['NOT_STATIC@2:20/import', 'REASSIGNED@2:20'], variable: 'r', kind: 'unreadable' },
  { title: 'from import', code: 'r = "T"\nfrom x import r', findings: ['NOT_STATIC@2:15/import', 'REASSIGNED@2:15'], variable: 'r', kind: 'unreadable' },
  { title: 'second import alias', code: 'r = "T"\nimport a.b as c, os.path', findings: [], variable: 'r', kind: 'string' },
  { title: 'with as', code: 'r = "T"\nwith open("x") as r:\n    pass', findings: ['NOT_STATIC@2:19/with', 'REASSIGNED@2:19'], variable: 'r', kind: 'unreadable' },
  {
    title: 'except as',
    code: 'r = "T"\ntry:\n    pass\nexcept E as r:\n    pass',
    findings: ['NOT_STATIC@4:13/exception', 'REASSIGNED@4:13'],
    variable: 'r',
    kind: 'unreadable',
  },
  { title: 'walrus in a comprehension', code: 'r = "T"\n[r := c for c in "ab"]', findings: ['NOT_STATIC@2:2/nested-assignment', 'REASSIGNED@2:2'], variable: 'r', kind: 'unreadable' },
  { title: 'walrus after and', code: 'r = "T"\nok and (r := "w")', findings: ['NOT_STATIC@2:9/nested-assignment', 'REASSIGNED@2:9'], variable: 'r', kind: 'unreadable' },
  { title: 'walrus in an if condition', code: 'r = "T"\nif (r := "w"):\n    pass', findings: ['NOT_STATIC@2:5/conditional', 'REASSIGNED@2:5'], variable: 'r', kind: 'unreadable' },
  { title: 'walrus in a with header', code: 'r = "T"\nwith (r := c()):\n    pass', findings: ['REASSIGNED@2:7', 'NOT_STATIC@2:12/call'], variable: 'r', kind: 'unreadable' },
  {
    title: 'match capture',
    code: 'r = "T"\nmatch 1:\n    case r:\n        pass',
    findings: ['NOT_STATIC@3:10/conditional', 'REASSIGNED@3:10'],
    variable: 'r',
    kind: 'unreadable',
  },
  {
    title: 'match as pattern',
    code: 'r = "T"\nmatch v:\n    case [1] as r:\n        pass\n    case _:\n        pass',
    findings: ['NOT_STATIC@3:17/conditional', 'REASSIGNED@3:17'],
    variable: 'r',
    kind: 'unreadable',
  },
  {
    title: 'match keyword capture',
    code: 'r = "T"\nmatch v:\n    case P(k=r):\n        pass',
    findings: ['NOT_STATIC@3:14/conditional', 'REASSIGNED@3:14'],
    variable: 'r',
    kind: 'unreadable',
  },
  { title: 'type alias', code: 'r = "T"\ntype r = int', findings: ['NOT_STATIC@2:6/type-alias', 'REASSIGNED@2:6'], variable: 'r', kind: 'unreadable' },
  { title: 'for target', code: 'r = "T"\nfor r in "ab":\n    pass', findings: ['NOT_STATIC@2:5/loop', 'REASSIGNED@2:5'], variable: 'r', kind: 'unreadable' },
  { title: 'del in an if statement', code: 'r = "T"\nif ok:\n    del r', findings: ['NOT_STATIC@3:9/conditional', 'REASSIGNED@3:9'], variable: 'r', kind: 'unreadable' },
  { title: 'def in an if statement', code: 'r = "T"\nif ok:\n    def r():\n        pass', findings: ['NOT_STATIC@3:9/function', 'REASSIGNED@3:9'], variable: 'r', kind: 'unreadable' },
  { title: 'type alias in an if statement', code: 'r = "T"\nif ok:\n    type r = int', findings: ['NOT_STATIC@3:10/type-alias', 'REASSIGNED@3:10'], variable: 'r', kind: 'unreadable' },
  { title: 'multiplying assignment', code: 'r = "T"\nr *= 2', findings: ['NOT_STATIC@2:3/operator'], variable: 'r', kind: 'unreadable' },
  { title: 'import of another name', code: 'import json\nr = "T"\nimport os', findings: [], variable: 'r', kind: 'string' },
  {
    title: 'globals item assignment',
    code: 'r = "T"\nglobals()["r"] = "w"',
    findings: ['NOT_STATIC@2:1/global-object', 'REASSIGNED@2:11'],
    variable: 'r',
    kind: 'unreadable',
  },
  { title: 'globals update', code: 'r = "T"\nglobals().update(r="w")', findings: ['NOT_STATIC@2:1/global-object', 'REASSIGNED@2:1'], variable: 'r', kind: 'unreadable' },
  { title: 'exec', code: 'r = "T"\nexec("r = 1")', findings: ['NOT_STATIC@2:1/global-object', 'REASSIGNED@2:1'], variable: 'r', kind: 'unreadable' },
  { title: 'item of another dict', code: 'r = "T"\nd = {}\nd["r"] = 1', findings: ['NOT_STATIC@3:1/mutated'], variable: 'r', kind: 'string' },
  { title: 'globals rebound by the code', code: 'r = "T"\nglobals = {}.copy\nglobals()["r"] = 1', findings: ['NOT_STATIC@2:11/member'], variable: 'r', kind: 'string' },
  {
    title: 'call of a function with global',
    code: 'r = "T"\ndef f():\n    global r\n    r = "w"\nf()',
    findings: ['NOT_STATIC@5:1/call', 'REASSIGNED@5:1'],
    variable: 'r',
    kind: 'unreadable',
  },
  {
    title: 'global in a nested function',
    code: 'r = "T"\ndef f():\n    def g():\n        global r\n        r = 1\n    g()\nif __name__ == "__main__":\n    f()',
    findings: ['NOT_STATIC@8:5/call', 'REASSIGNED@8:5'],
    variable: 'r',
    kind: 'unreadable',
  },
  { title: 'function with global never called', code: 'r = "T"\ndef f():\n    global r\n    r = "w"', findings: [], variable: 'r', kind: 'string' },
  { title: 'function without global called', code: 'r = "T"\ndef f():\n    r = "w"\nf()', findings: [], variable: 'r', kind: 'string' },
  {
    title: 'assignment after a global call',
    code: 'def f():\n    global r\n    r = "w"\nf()\nr = "T"',
    findings: ['NOT_STATIC@4:1/call', 'REASSIGNED@5:1'],
    variable: 'r',
    kind: 'string',
  },
];

for (const entry of VALUES) {
  test(`python value: ${entry.title}`, () => checkValueCase('python', entry));
}

for (const entry of FINDINGS) {
  test(`python finding: ${entry.title}`, () => checkFindingCase('python', entry));
}

for (const entry of REBINDINGS) {
  test(`python rebinding: ${entry.title}`, () => checkFindingCase('python', entry));
}

test('python del after assignment undefines', () => {
  const extraction = extractAssignments('r = "T"\nx = 1; del r', 'python');
  assert.equal(extraction.assignments.has('r'), false);
});

test('python offsets of escapes', () => {
  const code = 'x = "a\\tb\\u00e9"';
  assert.deepEqual(offsetsOf(code, 'x', 'python'), [5, 6, 8, 9, 16]);
});

test('python offsets of a multi-line string', () => {
  const code = 'x = """ab\ncd"""';
  assert.deepEqual(offsetsOf(code, 'x', 'python'), [7, 8, 9, 10, 11, 15]);
});

test('python offsets across implicit concatenation', () => {
  const code = 'x = ("ab"\n     "cd")';
  assert.deepEqual(offsetsOf(code, 'x', 'python'), [6, 7, 16, 17, 20]);
});

test('python offsets of a CRLF newline', () => {
  const code = 'x = """a\r\nb"""';
  assert.deepEqual(offsetsOf(code, 'x', 'python'), [7, 8, 10, 14]);
});

test('python offsets of an f-string field', () => {
  const code = 'r = "Role"\nx = f"a/{r}"';
  assert.deepEqual(sourceCharacters(code, 'x', 'python').join(''), 'a/Role');
  assert.deepEqual(offsetsOf(code, 'x', 'python').slice(2, 6), [5, 6, 7, 8]);
});

test('python json.dumps offsets point at the literals', () => {
  const code = 'import json\nx = json.dumps({"Effect": "Allow"})';
  const value = extractAssignments(code, 'python').assignments.get('x')?.value;
  assert.equal(value?.value, '{"Effect": "Allow"}');
  const chars = sourceCharacters(code, 'x', 'python');
  // The characters of keys and values come from the key and value literals themselves.
  assert.equal(chars.slice(2, 8).join(''), 'Effect');
  assert.equal(chars.slice(12, 17).join(''), 'Allow');
  assert.equal(chars[0], '{');
  assert.equal(chars[chars.length - 1], '}');
});

test('python assignment positions', () => {
  const extraction = extractAssignments('a = 1\n\n  \nrole_name = "x"', 'python');
  const assignment = extraction.assignments.get('role_name');
  assert.equal(assignment?.line, 4);
  assert.equal(assignment?.column, 1);
  assert.equal(assignment?.start, 10);
  assert.equal(assignment?.end, 25);
  assert.equal(assignment?.value.start, 22);
});

test('python positions after lone CR line ends', () => {
  const code = 'role_name = "TemporaryAccessRole"\rrole_name = "wrong"\r';
  const extraction = extractAssignments(code, 'python');
  const assignment = extraction.assignments.get('role_name');
  assert.equal(assignment?.value.value, 'wrong');
  assert.deepEqual([assignment?.line, assignment?.column], [2, 1]);
  assert.deepEqual(extraction.findings.map(describeFinding), ['REASSIGNED@2:1']);
});

test('python del removes a variable', () => {
  const extraction = extractAssignments('x = 1\ndel x', 'python');
  assert.equal(extraction.assignments.has('x'), false);
});

test('python findings name their variable', () => {
  const extraction = extractAssignments('trust_policy = open("p").read()', 'python');
  const [finding] = extraction.findings;
  assert.equal(finding?.data?.variable, 'trust_policy');
  assert.equal(finding?.severity, 'error');
  assert.match(finding?.message ?? '', /trust_policy/);
});

test('python syntax error keeps later assignments', () => {
  const extraction = extractAssignments('x = (\ny = "after"\nz = "z"', 'python');
  assert.ok(extraction.findings.some((finding) => finding.code === 'SYNTAX_ERROR'));
  assert.equal(extraction.assignments.get('z')?.value.value, 'z');
  assert.deepEqual(extraction.findings.filter((f) => f.code === 'SYNTAX_ERROR').map(describeFinding).length > 0, true);
});
