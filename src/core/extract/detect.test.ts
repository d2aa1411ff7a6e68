import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, isBinary } from './detect.ts';
import type { Language } from './index.ts';

const BY_NAME: [string, Language][] = [
  ['answer.py', 'python'],
  ['lab/answer.PY', 'python'],
  ['answer.js', 'javascript'],
  ['answer.mjs', 'javascript'],
  ['answer.cjs', 'javascript'],
  ['answer.ts', 'typescript'],
  ['answer.mts', 'typescript'],
  ['answer.sh', 'shell'],
  ['answer.bash', 'shell'],
];

const BY_CONTENT: [string, string, Language][] = [
  ['Python import and json.dumps', 'import json\ntrust_policy = json.dumps({"Version": "2012-10-17"})', 'python'],
  ['Python literals', 'role_name = "TemporaryAccessRole"\ndebug = True\n', 'python'],
  ['Python triple quotes', 'trust_policy = """{}"""', 'python'],
  ['JavaScript const', 'const role_name = "TemporaryAccessRole";', 'javascript'],
  ['JavaScript JSON.stringify', 'trust_policy = JSON.stringify({ Version: "2012-10-17" });', 'javascript'],
  ['TypeScript annotation', 'const role_name: string = "TemporaryAccessRole";', 'typescript'],
  ['TypeScript as const', 'export const policy = { Version: "2012-10-17" } as const;', 'typescript'],
  ['shell assignments', 'role_name="TemporaryAccessRole"\nassume_role_command="aws sts assume-role --role-arn $arn"', 'shell'],
  ['shell export', 'export role_name=TemporaryAccessRole', 'shell'],
  ['shell shebang', '#!/bin/bash\nx=1', 'shell'],
  ['Python shebang', '#!/usr/bin/env python3\nx = 1', 'python'],
  ['node shebang', '#!/usr/bin/env node\nx = 1', 'javascript'],
  ['no signal at all', 'x', 'python'],
];

for (const [fileName, language] of BY_NAME) {
  test(`detectLanguage by extension: ${fileName}`, () => {
    assert.equal(detectLanguage('const x = 1;', fileName), language);
  });
}

for (const [title, code, language] of BY_CONTENT) {
  test(`detectLanguage by content: ${title}`, () => {
    assert.equal(detectLanguage(code), language);
    assert.equal(detectLanguage(code, 'answer.txt'), language);
  });
}

test('isBinary accepts text and rejects binary data', () => {
  assert.equal(isBinary('x = "é\\t"\n\ttab'), false);
  assert.equal(isBinary('x = 1\u0000'), true);
  assert.equal(isBinary('\u0001\u0002\u0003abc'), true);
  assert.equal(isBinary(`${'a'.repeat(100)}\ufffd`), false);
});
