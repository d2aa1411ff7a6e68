import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { splitCommands } from './command.ts';
import type { CliIo } from './io.ts';
import { runSubcommand } from './subcommands.ts';

const folder = mkdtempSync(join(tmpdir(), 'lab-check-command-'));
writeFileSync(
  join(folder, 'trust.json'),
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
);
writeFileSync(join(folder, 'bad.json'), '{"Version": "2012-10-17", "Statement": [{"Effect": "allow"}]}');

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => stdin,
    cwd: folder,
  };
  const code = await runSubcommand(['command', ...args], io);
  return { code, stdout, stderr };
}

test('command valid exits 0 with json', async () => {
  const { code, stdout } = await run(['aws iam create-role --role-name lab --assume-role-policy-document file://trust.json', '--format', 'json']);
  assert.equal(code, 0);
  const output = JSON.parse(stdout);
  assert.equal(output.valid, true);
  assert.equal(output.service, 'iam');
  assert.equal(output.operation, 'CreateRole');
  assert.equal(output.parameters.RoleName, 'lab');
  assert.deepEqual(output.findings, []);
});

test('command invalid exits 1 with findings', async () => {
  const { code, stdout } = await run(['aws sts assume-role --role-arn x', '--format=json']);
  assert.equal(code, 1);
  const codes = JSON.parse(stdout).findings.map((f: { code: string }) => f.code);
  assert.ok(codes.includes('OPTION_REQUIRED_MISSING'));
  assert.ok(codes.includes('VALUE_TOO_SHORT'));
});

test('command reads files from the current folder', async () => {
  const { code, stdout } = await run(['aws iam create-role --role-name lab --assume-role-policy-document file://bad.json']);
  assert.equal(code, 1);
  assert.match(stdout, /^bad\.json:1:\d+: error INVALID_EFFECT \(rejected by the service\)/m);
});

test('command reads no file outside its folder', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'lab-check-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'top secret');
  for (const path of [join(outside, 'secret.txt'), `../${outside.split('/').pop()}/secret.txt`, '/dev/zero']) {
    const { stdout } = await run([`aws iam create-role --role-name lab --assume-role-policy-document file://${path}`, '--format', 'json']);
    const output = JSON.parse(stdout);
    assert.equal(output.parameters.AssumeRolePolicyDocument, undefined, path);
    assert.doesNotMatch(stdout, /top secret/, path);
    assert.ok(output.findings.some((f: { code: string }) => f.code === 'FILE_NOT_READ'), path);
  }
});

test('command reads no FIFO', async () => {
  const fifo = join(folder, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  const { stdout } = await run(['aws iam create-role --role-name lab --assume-role-policy-document file://pipe.json', '--format', 'json']);
  assert.ok(JSON.parse(stdout).findings.some((f: { code: string }) => f.code === 'FILE_NOT_READ'));
});

test('command accepts an unquoted command line', async () => {
  const { code, stdout } = await run(['aws', 'iam', 'get-role', '--role-name', 'my role', '--format', 'json']);
  assert.equal(code, 1);
  const output = JSON.parse(stdout);
  assert.equal(output.parameters.RoleName, 'my role');
  assert.equal(output.findings[0].code, 'VALUE_PATTERN_MISMATCH');
});

test('command reads one per line from stdin', async () => {
  const stdin = 'aws sts get-caller-identity\n# comment\n\naws sts assume-role \\\n  --role-arn x\n';
  const { code, stdout } = await run(['-', '--format', 'json'], stdin);
  assert.equal(code, 1);
  const output = JSON.parse(stdout);
  assert.equal(output.length, 2);
  assert.equal(output[0].valid, true);
  assert.equal(output[1].valid, false);
});

test('command stdin carries assignments to later lines', async () => {
  const stdin =
    'ROLE_ARN=arn:aws:iam::123456789012:role/demo\nexport SESSION=lab\n' +
    'aws sts assume-role --role-arn "$ROLE_ARN" --role-session-name "$SESSION"\n' +
    'aws iam get-role --role-name "$UNSET"\n';
  const { code, stdout } = await run(['-', '--format', 'json'], stdin);
  assert.equal(code, 0);
  const output = JSON.parse(stdout);
  assert.equal(output.length, 2);
  assert.deepEqual(output[0].parameters, { RoleArn: 'arn:aws:iam::123456789012:role/demo', RoleSessionName: 'lab' });
  assert.deepEqual(output[0].findings, []);
  assert.equal(output[1].findings[0].code, 'SHELL_UNKNOWN_VARIABLE');
});

test('command stdin labels findings by script line', async () => {
  const { stdout } = await run(['-'], 'ROLE=lab\n\naws iam get-role --role-name "$ROLE" --bad\n');
  assert.match(stdout, /^-:3:38: error OPTION_UNKNOWN/);
});

test('command usage errors exit 2', async () => {
  assert.equal((await run([])).code, 2);
  assert.equal((await run(['aws sts get-caller-identity', '--format', 'xml'])).code, 2);
  assert.equal((await run(['--format'])).code, 2);
  assert.equal((await run(['--help'])).code, 0);
});

test('splitCommands joins continued lines', () => {
  assert.deepEqual(splitCommands('a \\\nb\nc\n\n# x\nd \\\\\ne'), ['a \\\nb', 'c', 'd \\\\', 'e']);
});
