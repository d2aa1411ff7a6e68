import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLab, gradeSubmission, submissionReportSchema, type SubmissionInput } from './index.ts';
import * as z from 'zod/mini';

const lab = findLab('aws-assume-role-temporary-access')!;

/** A step's expected status, and for a failure the code of its first error. */
type Expected = Record<string, string>;

const PY = {
  trust: `trust_policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}'`,
  role: `role_name = "TemporaryAccessRole"`,
  assume: `assume_role_command = "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole --role-session-name TempSession"`,
  create: `create_role_command = "aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document file://trust-policy.json"`,
};
const JS = {
  trust: `const trust_policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] });`,
  role: `const role_name = 'TemporaryAccessRole';`,
  assume: 'const assume_role_command = `aws sts assume-role --role-arn arn:aws:iam::123456789012:role/${role_name} --role-session-name TempSession`;',
  create: `let create_role_command = "aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document file://trust-policy.json";`,
};
const SH = {
  trust: `trust_policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}'`,
  role: `role_name="TemporaryAccessRole"`,
  assume: `assume_role_command="aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole --role-session-name TempSession"`,
  create: `create_role_command='aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document file://trust-policy.json'`,
};
type Parts = typeof PY;
const join = (base: Parts, change: Partial<Parts>): string =>
  [change.trust ?? base.trust, change.role ?? base.role, change.assume ?? base.assume, change.create ?? base.create]
    .filter((line) => line !== '')
    .join('\n');

const ALL_PASS: Expected = {
  'trust-policy': 'pass',
  'role-name': 'pass',
  'assume-role-command': 'pass',
  'create-role-command': 'pass',
};
const only = (step: string, status: string): Expected => ({ ...ALL_PASS, [step]: status });

interface Case {
  name: string;
  language: SubmissionInput['language'];
  code: string;
  expected: Expected;
}

const CASES: Case[] = [
  // Python
  { name: 'py correct', language: 'python', code: join(PY, {}), expected: ALL_PASS },
  {
    name: 'py json.dumps with indent and account id',
    language: 'python',
    code: join(PY, {
      trust: `import json\ntrust_policy = json.dumps({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": ["sts:assumerole"]}}, indent=4)`,
    }),
    expected: ALL_PASS,
  },
  {
    name: 'py triple-quoted policy',
    language: 'python',
    code: join(PY, {
      trust: `trust_policy = """\n{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {"AWS": "arn:aws:iam::123456789012:root"},\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}\n"""`,
    }),
    expected: ALL_PASS,
  },
  {
    name: 'py dict literal policy',
    language: 'python',
    code: join(PY, {
      trust: `trust_policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}`,
    }),
    expected: only('trust-policy', 'fail:POLICY_NOT_STRING'),
  },
  {
    name: 'py lowercase effect',
    language: 'python',
    code: join(PY, { trust: PY.trust.replace('"Allow"', '"allow"') }),
    expected: only('trust-policy', 'fail'),
  },
  {
    name: 'py version 2008',
    language: 'python',
    code: join(PY, { trust: PY.trust.replace('2012-10-17', '2008-10-17') }),
    expected: only('trust-policy', 'fail:VERSION_MISMATCH'),
  },
  {
    name: 'py wildcard principal',
    language: 'python',
    code: join(PY, { trust: PY.trust.replace('"arn:aws:iam::123456789012:root"', '"*"') }),
    expected: only('trust-policy', 'fail'),
  },
  {
    name: 'py extra account principal',
    language: 'python',
    code: join(PY, {
      trust: PY.trust.replace('"arn:aws:iam::123456789012:root"', '["arn:aws:iam::123456789012:root", "111122223333"]'),
    }),
    expected: only('trust-policy', 'fail:GRANT_TOO_BROAD'),
  },
  {
    name: 'py sts wildcard action',
    language: 'python',
    code: join(PY, { trust: PY.trust.replace('"sts:AssumeRole"', '"sts:*"') }),
    expected: only('trust-policy', 'fail:GRANT_TOO_BROAD'),
  },
  {
    name: 'py wrong account',
    language: 'python',
    code: join(PY, { trust: PY.trust.replace('123456789012', '210987654321') }),
    expected: only('trust-policy', 'fail:GRANT_MISSING'),
  },
  {
    name: 'py resource in trust policy',
    language: 'python',
    code: join(PY, { trust: PY.trust.replace('"Action": "sts:AssumeRole"', '"Action": "sts:AssumeRole", "Resource": "*"') }),
    expected: only('trust-policy', 'fail'),
  },
  {
    name: 'py trailing comma in policy',
    language: 'python',
    code: join(PY, { trust: PY.trust.replace('"sts:AssumeRole"}', '"sts:AssumeRole",}') }),
    expected: only('trust-policy', 'fail'),
  },
  {
    name: 'py deny on other account passes',
    language: 'python',
    code: join(PY, {
      trust: `trust_policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}, {"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}'`,
    }),
    expected: ALL_PASS,
  },
  {
    name: 'py deny that blocks the grant',
    language: 'python',
    code: join(PY, {
      trust: `trust_policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}, {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:*"}]}'`,
    }),
    expected: only('trust-policy', 'fail:GRANT_DENIED'),
  },
  {
    name: 'py condition narrows the grant',
    language: 'python',
    code: join(PY, {
      trust: `trust_policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}'`,
    }),
    expected: ALL_PASS,
  },
  { name: 'py role name lowercase', language: 'python', code: join(PY, { role: `role_name = "temporaryaccessrole"` }), expected: only('role-name', 'fail:STRING_CASE_MISMATCH') },
  { name: 'py role name spaces', language: 'python', code: join(PY, { role: `role_name = " TemporaryAccessRole "` }), expected: only('role-name', 'fail:STRING_WHITESPACE') },
  { name: 'py role name unquoted', language: 'python', code: join(PY, { role: `role_name = TemporaryAccessRole` }), expected: only('role-name', 'fail:STRING_UNQUOTED') },
  { name: 'py role name missing', language: 'python', code: join(PY, { role: '' }), expected: only('role-name', 'missing') },
  {
    name: 'py session name missing',
    language: 'python',
    code: join(PY, { assume: `assume_role_command = "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole"` }),
    expected: only('assume-role-command', 'fail'),
  },
  {
    name: 'py session name wrong case',
    language: 'python',
    code: join(PY, { assume: PY.assume.replace('TempSession', 'tempsession') }),
    expected: only('assume-role-command', 'fail:PARAMETER_CASE_MISMATCH'),
  },
  {
    name: 'py role arn other role',
    language: 'python',
    code: join(PY, { assume: PY.assume.replace('role/TemporaryAccessRole', 'role/TempRole') }),
    expected: only('assume-role-command', 'fail:PARAMETER_MISMATCH'),
  },
  {
    name: 'py iam instead of sts',
    language: 'python',
    code: join(PY, { assume: PY.assume.replace('aws sts assume-role', 'aws iam assume-role') }),
    expected: only('assume-role-command', 'fail'),
  },
  {
    name: 'py options reordered with equals',
    language: 'python',
    code: join(PY, {
      assume: `assume_role_command = "aws sts assume-role --role-session-name=TempSession --role-arn=arn:aws:iam::123456789012:role/TemporaryAccessRole --output json"`,
    }),
    expected: ALL_PASS,
  },
  {
    name: 'py duration above the role maximum',
    language: 'python',
    code: join(PY, { assume: PY.assume.replace('TempSession"', 'TempSession --duration-seconds 7200"') }),
    expected: only('assume-role-command', 'fail:LIMIT_EXCEEDED'),
  },
  {
    name: 'py duration within a raised maximum',
    language: 'python',
    code: join(PY, {
      assume: PY.assume.replace('TempSession"', 'TempSession --duration-seconds 7200"'),
      create: PY.create.replace('trust-policy.json"', 'trust-policy.json --max-session-duration 14400"'),
    }),
    expected: ALL_PASS,
  },
  {
    name: 'py create role without file prefix',
    language: 'python',
    code: join(PY, { create: PY.create.replace('file://trust-policy.json', 'trust-policy.json') }),
    expected: only('create-role-command', 'fail:FILE_PREFIX_MISSING'),
  },
  {
    name: 'py create role with fileb',
    language: 'python',
    code: join(PY, { create: PY.create.replace('file://', 'fileb://') }),
    expected: only('create-role-command', 'fail:VALUE_INVALID_TYPE'),
  },
  {
    name: 'py create role with inline policy',
    language: 'python',
    code: join(PY, {
      create: `create_role_command = 'aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document \\'{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sts:AssumeRole"}]}\\''`,
    }),
    expected: only('create-role-command', 'fail:FILE_INLINE_DOCUMENT'),
  },
  {
    name: 'py create role with dot slash path',
    language: 'python',
    code: join(PY, { create: PY.create.replace('file://trust-policy.json', 'file://./trust-policy.json') }),
    expected: ALL_PASS,
  },
  {
    name: 'py create role lowercase name',
    language: 'python',
    code: join(PY, { create: PY.create.replace('--role-name TemporaryAccessRole', '--role-name temporaryaccessrole') }),
    expected: only('create-role-command', 'fail:PARAMETER_CASE_MISMATCH'),
  },
  {
    name: 'py curly quotes in policy',
    language: 'python',
    code: join(PY, { trust: PY.trust.replace('"Effect"', '\u201cEffect\u201d') }),
    expected: only('trust-policy', 'fail'),
  },
  {
    name: 'py f-string command',
    language: 'python',
    code: join(PY, {
      assume: `account = "123456789012"\nassume_role_command = f"aws sts assume-role --role-arn arn:aws:iam::{account}:role/{role_name} --role-session-name TempSession"`,
    }),
    expected: ALL_PASS,
  },
  {
    name: 'py line continuation in command',
    language: 'python',
    code: join(PY, {
      assume: `assume_role_command = "aws sts assume-role \\\\\\n  --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole \\\\\\n  --role-session-name TempSession"`,
    }),
    expected: ALL_PASS,
  },
  {
    name: 'py command read from input',
    language: 'python',
    code: join(PY, { assume: `assume_role_command = input("command: ")` }),
    expected: only('assume-role-command', 'fail:NOT_STATIC'),
  },
  {
    name: 'py empty file',
    language: 'python',
    code: '',
    expected: {
      'trust-policy': 'missing',
      'role-name': 'missing',
      'assume-role-command': 'missing',
      'create-role-command': 'missing',
    },
  },
  {
    name: 'py statements ending in semicolons',
    language: 'python',
    code: `${PY.trust};\nx = 1; ${PY.role};\n${PY.assume}; ${PY.create};`,
    expected: ALL_PASS,
  },
  { name: 'py role name as bytes', language: 'python', code: join(PY, { role: `role_name = b"TemporaryAccessRole"` }), expected: only('role-name', 'fail:VALUE_NOT_STRING') },
  { name: 'py def rebinds the role name', language: 'python', code: `${join(PY, {})}\ndef role_name():\n    pass`, expected: only('role-name', 'fail:NOT_STATIC') },
  { name: 'py import rebinds the role name', language: 'python', code: `${join(PY, {})}\nfrom os import path as role_name`, expected: only('role-name', 'fail:NOT_STATIC') },
  { name: 'py walrus rebinds the role name', language: 'python', code: `${join(PY, {})}\nprint(role_name := "wrong")`, expected: only('role-name', 'fail:STRING_MISMATCH') },
  {
    name: 'py match capture rebinds the role name',
    language: 'python',
    code: `${join(PY, {})}\nmatch 1:\n    case role_name:\n        pass`,
    expected: only('role-name', 'fail:NOT_STATIC'),
  },
  {
    name: 'py policy nested past the parse limit',
    language: 'python',
    code: join(PY, { trust: `import json\ntrust_policy = json.dumps(${'{"a":'.repeat(300)}1${'}'.repeat(300)})` }),
    expected: {
      'trust-policy': 'fail:CODE_READ_IN_PART',
      'role-name': 'missing:VARIABLE_MISSING',
      'assume-role-command': 'missing:VARIABLE_MISSING',
      'create-role-command': 'missing:VARIABLE_MISSING',
    },
  },
  {
    name: 'py function with global rebinds the role name',
    language: 'python',
    code: `${join(PY, {})}\ndef rename():\n    global role_name\n    role_name = "wrong"\nrename()`,
    expected: only('role-name', 'fail:NOT_STATIC'),
  },
  // JavaScript and TypeScript
  { name: 'js correct', language: 'javascript', code: join(JS, {}), expected: ALL_PASS },
  {
    name: 'js object literal policy',
    language: 'javascript',
    code: join(JS, { trust: JS.trust.replace('JSON.stringify(', '(') }),
    expected: only('trust-policy', 'fail:POLICY_NOT_STRING'),
  },
  {
    name: 'js template literal policy with indent',
    language: 'javascript',
    code: join(JS, {
      trust: `const trust_policy = JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "sts:AssumeRole" } }, null, 2);`,
    }),
    expected: ALL_PASS,
  },
  { name: 'js role name case', language: 'javascript', code: join(JS, { role: `const role_name = 'temporaryAccessRole';` }), expected: { ...only('role-name', 'fail:STRING_CASE_MISMATCH'), 'assume-role-command': 'fail:PARAMETER_CASE_MISMATCH' } },
  {
    name: 'js notprincipal in trust policy',
    language: 'javascript',
    code: join(JS, { trust: JS.trust.replace('Principal:', 'NotPrincipal:') }),
    expected: only('trust-policy', 'fail'),
  },
  {
    name: 'ts typed declarations',
    language: 'typescript',
    code: join(JS, { role: `export const role_name: string = 'TemporaryAccessRole';` }),
    expected: ALL_PASS,
  },
  {
    name: 'js unknown option',
    language: 'javascript',
    code: join(JS, { create: `const create_role_command = "aws iam create-role --role-name TemporaryAccessRole --trust-policy file://trust-policy.json";` }),
    expected: only('create-role-command', 'fail'),
  },
  { name: 'js for of rebinds the role name', language: 'javascript', code: join(JS, { role: `let role_name = 'TemporaryAccessRole';\nfor (role_name of ['wrong']) {}` }), expected: { ...only('role-name', 'fail:NOT_STATIC'), 'assume-role-command': 'fail:NOT_STATIC' } },
  {
    name: 'js destructuring rebinds the role name',
    language: 'javascript',
    code: `${join(JS, { role: `let role_name = 'TemporaryAccessRole';` })}\n({ role_name } = { role_name: 'wrong' });`,
    expected: only('role-name', 'fail:NOT_STATIC'),
  },
  {
    name: 'js escaped name rebinds the role name',
    language: 'javascript',
    code: `${join(JS, { role: `var role_name = 'TemporaryAccessRole';` })}\nrole\\u005fname = 'wrong';`,
    expected: only('role-name', 'fail:STRING_MISMATCH'),
  },
  {
    name: 'js function call rebinds the role name',
    language: 'javascript',
    code: `${join(JS, { role: `let role_name = 'TemporaryAccessRole';` })}\nfunction rename() { role_name = 'wrong'; }\nrename();`,
    expected: only('role-name', 'fail:NOT_STATIC'),
  },
  {
    name: 'sh function call rebinds the role name',
    language: 'shell',
    code: `${join(SH, {})}\nrename() {\n  role_name=wrong\n}\nrename`,
    expected: only('role-name', 'fail:NOT_STATIC'),
  },
  { name: 'sh append to the role name', language: 'shell', code: `${join(SH, {})}\nrole_name+=2`, expected: only('role-name', 'fail:STRING_MISMATCH') },
  // Shell
  { name: 'sh correct', language: 'shell', code: join(SH, {}), expected: ALL_PASS },
  { name: 'sh unquoted role name is a string', language: 'shell', code: join(SH, { role: 'role_name=TemporaryAccessRole' }), expected: ALL_PASS },
  {
    name: 'sh variable expansion in command',
    language: 'shell',
    code: join(SH, { assume: `assume_role_command="aws sts assume-role --role-arn arn:aws:iam::123456789012:role/$role_name --role-session-name TempSession"` }),
    expected: ALL_PASS,
  },
  {
    name: 'sh service principal instead of account',
    language: 'shell',
    code: join(SH, { trust: SH.trust.replace('"AWS":"arn:aws:iam::123456789012:root"', '"Service":"sts.amazonaws.com"') }),
    expected: only('trust-policy', 'fail:GRANT_MISSING'),
  },
  {
    name: 'sh assume role policy action',
    language: 'shell',
    code: join(SH, { trust: SH.trust.replace('sts:AssumeRole', 'iam:PassRole') }),
    expected: only('trust-policy', 'fail'),
  },
  {
    name: 'sh session name too short',
    language: 'shell',
    code: join(SH, { assume: SH.assume.replace('TempSession', 'T') }),
    expected: only('assume-role-command', 'fail'),
  },
  {
    name: 'sh create role missing document',
    language: 'shell',
    code: join(SH, { create: `create_role_command='aws iam create-role --role-name TemporaryAccessRole'` }),
    expected: only('create-role-command', 'fail'),
  },
  {
    name: 'py condition never met',
    language: 'python',
    code: join(PY, {
      trust: PY.trust.replace('"Action": "sts:AssumeRole"}', '"Action": "sts:AssumeRole", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "-1"}}}'),
    }),
    expected: only('trust-policy', 'fail:GRANT_NEVER_MET'),
  },
  // A syntax error anywhere stops Python and JavaScript from running any of the file; a shell runs the lines before it.
  {
    name: 'py syntax error after the answers',
    language: 'python',
    code: `${join(PY, {})}\nprint("done"`,
    expected: {
      'trust-policy': 'fail:CODE_SYNTAX_ERROR',
      'role-name': 'fail:CODE_SYNTAX_ERROR',
      'assume-role-command': 'fail:CODE_SYNTAX_ERROR',
      'create-role-command': 'fail:CODE_SYNTAX_ERROR',
    },
  },
  {
    name: 'js syntax error before the answers',
    language: 'javascript',
    code: `const broken = ;\n${join(JS, {})}`,
    expected: {
      'trust-policy': 'fail:CODE_SYNTAX_ERROR',
      'role-name': 'fail:CODE_SYNTAX_ERROR',
      'assume-role-command': 'fail:CODE_SYNTAX_ERROR',
      'create-role-command': 'fail:CODE_SYNTAX_ERROR',
    },
  },
  {
    name: 'sh syntax error after the answers',
    language: 'shell',
    code: `${join(SH, {})}\necho "done`,
    expected: ALL_PASS,
  },
  // Code that is not read to its end: running it would see a reassignment in the unread part.
  {
    name: 'py reassignment after a 1 MiB comment',
    language: 'python',
    code: `${join(PY, {})}\n#${'x'.repeat(1_100_000)}\nrole_name = "wrong"`,
    expected: {
      'trust-policy': 'fail:CODE_READ_IN_PART',
      'role-name': 'fail:CODE_READ_IN_PART',
      'assume-role-command': 'fail:CODE_READ_IN_PART',
      'create-role-command': 'fail:CODE_READ_IN_PART',
    },
  },
  {
    name: 'py step past 1 MiB of padding',
    language: 'python',
    code: `${join(PY, { create: '' })}\npadding = "${'x'.repeat(1_100_000)}"\n${PY.create}`,
    expected: {
      'trust-policy': 'fail:CODE_READ_IN_PART',
      'role-name': 'fail:CODE_READ_IN_PART',
      'assume-role-command': 'fail:CODE_READ_IN_PART',
      'create-role-command': 'missing',
    },
  },
  {
    name: 'js reassignment after brackets nested too deep',
    language: 'javascript',
    code: `${join(JS, {})}\nconst deep = ${'['.repeat(5000)}${']'.repeat(5000)};\nrole_name = 'wrong';`,
    expected: {
      'trust-policy': 'fail:CODE_READ_IN_PART',
      'role-name': 'fail:CODE_READ_IN_PART',
      'assume-role-command': 'fail:CODE_READ_IN_PART',
      'create-role-command': 'fail:CODE_READ_IN_PART',
    },
  },
];

for (const { name, language, code, expected } of CASES) {
  test(`grade ${name}`, () => {
    const report = gradeSubmission(lab, { code, ...(language ? { language } : {}) });
    const actual: Expected = {};
    for (const step of report.steps) {
      const firstError = step.findings.find((finding) => finding.severity === 'error');
      const wantsCode = expected[step.id]?.includes(':');
      actual[step.id] = wantsCode && firstError ? `${step.status}:${firstError.code}` : step.status;
    }
    assert.deepEqual(actual, expected, JSON.stringify(report.steps.map((s) => [s.id, s.findings.map((f) => f.code)])));
  });
}

test('grade report matches its schema', () => {
  const report = gradeSubmission(lab, { code: join(PY, {}), quiz: { '1': 'B', '2': ' a ', '4': 'A' } });
  assert.equal(z.safeParse(submissionReportSchema, report).success, true);
  assert.deepEqual(report.score, { earned: 6, possible: 9 });
  assert.deepEqual(
    report.quiz.map((question) => question.status),
    ['pass', 'pass', 'missing', 'fail', 'missing'],
  );
  assert.match(report.quiz[3]!.feedback!, /CLI/);
});

test('grade locates policy findings in learner code', () => {
  const code = `role_name = "TemporaryAccessRole"\ntrust_policy = """{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "allow",\n    "Principal": {"AWS": "123456789012"},\n    "Action": "sts:AssumeRole"\n  }\n}"""\n`;
  const report = gradeSubmission(lab, { code, language: 'python' });
  const trust = report.steps.find((step) => step.id === 'trust-policy')!;
  const effect = trust.findings.find((finding) => finding.severity === 'error')!;
  assert.equal(effect.line, 5);
  assert.equal(effect.column, 15);
});

test('grade per-step texts locate findings per text', () => {
  const report = gradeSubmission(lab, {
    language: 'python',
    steps: {
      'trust-policy': PY.trust,
      'role-name': `\n\nrole_name = 'temporaryaccessrole'`,
      'assume-role-command': PY.assume,
      'create-role-command': PY.create,
    },
  });
  const role = report.steps.find((step) => step.id === 'role-name')!;
  assert.equal(role.status, 'fail');
  assert.equal(role.foundIn, 'role-name');
  assert.equal(role.findings[0]?.line, 3);
  assert.equal(role.findings[0]?.column, 13);
});

test('grade warns on create role when the policy file is invalid', () => {
  const report = gradeSubmission(lab, { code: join(PY, { trust: PY.trust.replace('"Allow"', '"allow"') }), language: 'python' });
  const create = report.steps.find((step) => step.id === 'create-role-command')!;
  assert.equal(create.status, 'pass');
  assert.deepEqual(
    create.findings.map((finding) => [finding.code, finding.severity]),
    [['REFERENCED_FILE_INVALID', 'warning']],
  );
});

test('grade cross-step hint on role arn', () => {
  const report = gradeSubmission(lab, {
    code: join(PY, { role: `role_name = "TempAccessRole"`, assume: PY.assume.replace('role/TemporaryAccessRole', 'role/TempRole') }),
    language: 'python',
  });
  const assume = report.steps.find((step) => step.id === 'assume-role-command')!;
  assert.ok(assume.findings.some((finding) => finding.code === 'CROSS_STEP_MISMATCH'));
});

test('grade table covers forty submissions in three languages', () => {
  assert.ok(CASES.length >= 40, `only ${CASES.length} cases`);
  for (const language of ['python', 'javascript', 'shell'] as const) {
    assert.ok(CASES.some((entry) => entry.language === language), language);
  }
});

test('grade create role passes with a warning when the policy is missing', () => {
  const report = gradeSubmission(lab, { code: join(PY, { trust: '' }), language: 'python' });
  const create = report.steps.find((step) => step.id === 'create-role-command')!;
  assert.equal(report.steps[0]!.status, 'missing');
  assert.equal(create.status, 'pass');
  assert.deepEqual(create.findings.map((finding) => finding.code), ['REFERENCED_FILE_INVALID']);
});

test('grade explains an unreadable value once', () => {
  const report = gradeSubmission(lab, {
    code: join(PY, { role: `role_name = TemporaryAccessRole`, assume: `assume_role_command = input("command: ")` }),
    language: 'python',
  });
  const codes = (id: string) => report.steps.find((step) => step.id === id)!.findings.map((finding) => finding.code);
  assert.deepEqual(codes('role-name'), ['STRING_UNQUOTED']);
  assert.deepEqual(codes('assume-role-command'), ['NOT_STATIC']);
});

test('grade explains a nesting limit alone', () => {
  const trust = `import json\ntrust_policy = json.dumps(${'{"a":'.repeat(300)}1${'}'.repeat(300)})`;
  const report = gradeSubmission(lab, { code: trust, language: 'python' });
  const step = report.steps.find((candidate) => candidate.id === 'trust-policy');
  assert.deepEqual(step?.findings.map((finding) => finding.code), ['CODE_READ_IN_PART', 'LIMIT_EXCEEDED']);
  assert.deepEqual(report.findings, []);
});

test('grade positions after lone CR line ends', () => {
  const code = `${join(PY, {})}\rrole_name = "wrong"\r`;
  const report = gradeSubmission(lab, { code, language: 'python' });
  const step = report.steps.find((candidate) => candidate.id === 'role-name');
  const mismatch = step?.findings.find((finding) => finding.code === 'STRING_MISMATCH');
  assert.equal(step?.status, 'fail');
  assert.deepEqual([mismatch?.line, mismatch?.column, mismatch?.endColumn], [5, 13, 20]);
});

test('grade ignores variables no step reads', () => {
  const code = `import boto3\nclient = boto3.client("sts")\n${join(PY, {})}`;
  const report = gradeSubmission(lab, { code, language: 'python' });
  assert.deepEqual(report.findings, []);
  assert.ok(report.steps.every((step) => step.status === 'pass'));
});

test('read-in-part finding points at the stop', () => {
  const code = `${join(PY, {})}\n#${'x'.repeat(1_100_000)}\nrole_name = "wrong"`;
  const report = gradeSubmission(lab, { code, language: 'python' });
  const step = report.steps.find((candidate) => candidate.id === 'role-name');
  const finding = step?.findings.find((candidate) => candidate.code === 'CODE_READ_IN_PART');
  assert.equal(step?.status, 'fail');
  assert.equal(step?.earned, 0);
  assert.deepEqual([finding?.line, finding?.column], [5, 1_048_576 - join(PY, {}).length]);
  assert.match(finding?.message ?? '', /role_name may be set again/);
});

test('only the cut step text fails', () => {
  const steps = {
    'trust-policy': PY.trust,
    'role-name': `${PY.role}\n#${'x'.repeat(1_100_000)}`,
    'assume-role-command': PY.assume,
    'create-role-command': PY.create,
  };
  const report = gradeSubmission(lab, { steps, language: 'python' });
  const statuses = Object.fromEntries(report.steps.map((step) => [step.id, step.status]));
  assert.deepEqual(statuses, { ...ALL_PASS, 'role-name': 'fail' });
  const finding = report.steps[1]?.findings.find((candidate) => candidate.code === 'CODE_READ_IN_PART');
  assert.equal(finding?.data?.input, 'role-name');
});

test('other step text syntax error ignored', () => {
  const steps = {
    'trust-policy': PY.trust,
    'role-name': 'print(',
    'assume-role-command': PY.assume,
    'create-role-command': `${PY.create}\n${PY.role}`,
  };
  const report = gradeSubmission(lab, { steps, language: 'python' });
  const step = report.steps.find((candidate) => candidate.id === 'role-name');
  assert.equal(step?.status, 'pass');
  assert.equal(step?.foundIn, 'create-role-command');
});

test('read-in-part elsewhere has no position', () => {
  const steps = {
    'trust-policy': PY.trust,
    'role-name': `#${'x'.repeat(1_100_000)}`,
    'assume-role-command': PY.assume,
    'create-role-command': `${PY.create}\n${PY.role}`,
  };
  const report = gradeSubmission(lab, { steps, language: 'python' });
  const step = report.steps.find((candidate) => candidate.id === 'role-name');
  const finding = step?.findings.find((candidate) => candidate.code === 'CODE_READ_IN_PART');
  assert.equal(step?.status, 'fail');
  assert.equal(step?.foundIn, 'create-role-command');
  assert.equal(finding?.line, undefined);
  assert.match(finding?.message ?? '', /^The checker stopped reading the code of step "role-name" at line 1, column 1048577, /);
});

test('not-string message has the right article', () => {
  const message = (code: string) => {
    const report = gradeSubmission(lab, { code, language: 'python' });
    return report.steps.find((step) => step.id === 'role-name')?.findings.find((f) => f.code === 'VALUE_NOT_STRING')?.message;
  };
  assert.equal(message('role_name = ["TemporaryAccessRole"]'), 'role_name is an array; the step expects a string.');
  assert.equal(message('role_name = 12'), 'role_name is a number; the step expects a string.');
  assert.equal(message('role_name = None'), 'role_name is null; the step expects a string.');
});

test('spread of a long string is read', () => {
  const code = `const role_name = [...'${'a'.repeat(150_000)}'];`;
  const report = gradeSubmission(lab, { code, language: 'javascript' });
  const step = report.steps.find((candidate) => candidate.id === 'role-name');
  assert.deepEqual(step?.findings.map((finding) => finding.code), ['VALUE_NOT_STRING']);
});
