import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLab, gradeSubmission } from '../index.ts';

const lab = findLab('aws-assume-role-temporary-access')!;

const TRUST = `trust_policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}'`;
const ROLE = 'role_name = "TemporaryAccessRole"';
const ASSUME = 'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole --role-session-name TempSession';
const CREATE = 'aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document file://trust-policy.json';
const OTHER = 'aws sts assume-role --role-arn arn:aws:iam::999999999999:role/Other --role-session-name x';

/** Grades a Python submission with these two commands. The assume-role command is on line 3. */
function grade(assume: string, create = CREATE) {
  const code = [TRUST, ROLE, `assume_role_command = ${JSON.stringify(assume)}`, `create_role_command = ${JSON.stringify(create)}`].join('\n');
  return gradeSubmission(lab, { code, language: 'python' });
}

/** Returns the column of `part` of `assume` (searched from `from`) in line 3, `assume_role_command = "..."`. */
const at = (assume: string, part: string, from = 0): number => 'assume_role_command = "'.length + assume.indexOf(part, from) + 1;

/**
 * Assume-role commands with the step's expected status and the error codes expected at their
 * columns on line 3 (the step passes only when there are none).
 */
const CASES: Array<[string, string, string[]]> = [
  [ASSUME, 'pass', []],
  [`${ASSUME} && echo done`, 'pass', []],
  [`${ASSUME} | jq .Credentials`, 'pass', []],
  [`${ASSUME} --generate-cli-skeleton`, 'fail', [`COMMAND_SKELETON@${at(`${ASSUME} --generate-cli-skeleton`, '--generate')}`]],
  [`${ASSUME} --generate-cli-skeleton output`, 'fail', [`COMMAND_SKELETON@${at(`${ASSUME} --generate-cli-skeleton`, '--generate')}`]],
  [`${ASSUME} help`, 'fail', [`COMMAND_HELP@${at(`${ASSUME} help`, ' help') + 1}`]],
  [`${ASSUME} --version`, 'fail', [`COMMAND_VERSION@${at(`${ASSUME} --version`, '--version')}`]],
  [`false && ${ASSUME}`, 'fail', [`SHELL_COMMAND_BEFORE@${at('false && ', '&&')}`]],
  [`exit; ${ASSUME}`, 'fail', [`SHELL_COMMAND_BEFORE@${at('exit; ', ';')}`]],
  [`cd /tmp && ${ASSUME}`, 'fail', [`SHELL_COMMAND_BEFORE@${at('cd /tmp && ', '&&')}`]],
  [`${ASSUME} ; ${OTHER}`, 'fail', [`SHELL_OTHER_AWS_COMMAND@${at(`${ASSUME} ; ${OTHER}`, 'aws', ASSUME.length)}`]],
  [`${ASSUME} || ${OTHER}`, 'fail', [`SHELL_OTHER_AWS_COMMAND@${at(`${ASSUME} || ${OTHER}`, 'aws', ASSUME.length)}`]],
  [`${ASSUME} --policy $(aws iam delete-role)`, 'fail', [`SHELL_COMMAND_SUBSTITUTION@${at(`${ASSUME} --policy $(aws iam delete-role)`, '$(')}`]],
];

test('command step fails without the request', () => {
  for (const [assume, status, expected] of CASES) {
    const step = grade(assume).steps.find((candidate) => candidate.id === 'assume-role-command');
    assert.ok(step, assume);
    const errors = step.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.column}`);
    assert.deepEqual(errors, expected, assume);
    assert.equal(step.status, status, assume);
    for (const finding of step.findings.filter((f) => f.severity === 'error')) assert.equal(finding.line, 3, assume);
  }
});

test('command step failure hints', () => {
  const hints: Array<[string, string, RegExp]> = [
    [`${ASSUME} --generate-cli-skeleton`, 'COMMAND_SKELETON', /Remove --generate-cli-skeleton/],
    [`${ASSUME} help`, 'COMMAND_HELP', /Remove help/],
    [`false && ${ASSUME}`, 'SHELL_COMMAND_BEFORE', /Remove false and the && after it/],
    [`${ASSUME} ; ${OTHER}`, 'SHELL_OTHER_AWS_COMMAND', /only the one aws command/],
  ];
  for (const [assume, code, hint] of hints) {
    const finding = grade(assume).steps.find((step) => step.id === 'assume-role-command')?.findings.find((f) => f.code === code);
    assert.ok(finding, assume);
    assert.match(finding.hint ?? '', hint, assume);
  }
});

test('skeleton skips parameter checks', () => {
  const wrongRole = 'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/Wrong --generate-cli-skeleton';
  const step = grade(wrongRole).steps.find((candidate) => candidate.id === 'assume-role-command');
  assert.deepEqual(step?.findings.map((f) => f.code), ['COMMAND_SKELETON']);
});

test('create role skeleton fails', () => {
  const step = grade(ASSUME, `${CREATE} --generate-cli-skeleton`).steps.find((candidate) => candidate.id === 'create-role-command');
  assert.equal(step?.status, 'fail');
  assert.deepEqual(step?.findings.map((f) => f.code), ['COMMAND_SKELETON']);
});

/** Create-role file:// paths with the step's status and its findings' codes. */
const CREATE_PATHS: Array<[string, string, string[]]> = [
  ['file://~/trust-policy.json', 'pass', ['FILE_PATH_HOME']],
  ['file://$HOME/trust-policy.json', 'pass', ['FILE_PATH_HOME', 'SHELL_UNKNOWN_VARIABLE']],
  ["'file://$DIR/trust-policy.json'", 'fail', ['FILE_NOT_EXPECTED', 'FILE_PATH_UNKNOWN']],
  ['file://~/other.json', 'fail', ['FILE_NOT_EXPECTED', 'FILE_PATH_UNKNOWN']],
];

test('create role expanded file paths', () => {
  for (const [path, status, codes] of CREATE_PATHS) {
    const create = `aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document ${path}`;
    const step = grade(ASSUME, create).steps.find((candidate) => candidate.id === 'create-role-command');
    assert.equal(step?.status, status, path);
    assert.deepEqual(step?.findings.map((f) => f.code), codes, path);
  }
});
