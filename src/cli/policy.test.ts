import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIo } from './io.ts';
import { runSubcommand } from './subcommands.ts';
import { TRUST_POLICY_CORPUS } from '../core/policy/trust-policy-corpus.ts';

const VALID = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}';
const INVALID = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]\n}';

const folder = mkdtempSync(join(tmpdir(), 'lab-check-policy-'));
writeFileSync(join(folder, 'valid.json'), VALID);
writeFileSync(join(folder, 'invalid.json'), INVALID);
writeFileSync(join(folder, 'identity.json'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => stdin,
    cwd: folder,
  };
  const code = await runSubcommand(['policy', ...args], io);
  return { code, stdout, stderr };
}

test('policy valid file exits 0', async () => {
  const { code, stdout } = await run(['valid.json']);
  assert.equal(code, 0);
  assert.equal(stdout, 'valid.json: valid, no findings\n');
});

test('policy text output names position', async () => {
  const { code, stdout } = await run(['invalid.json']);
  assert.equal(code, 1);
  assert.match(stdout, /^invalid\.json:3:28: error INVALID_EFFECT Effect "allow" is not valid/);
});

test('policy json output for one file', async () => {
  const { code, stdout } = await run(['invalid.json', '--format', 'json']);
  assert.equal(code, 1);
  const output = JSON.parse(stdout);
  assert.equal(output.file, 'invalid.json');
  assert.equal(output.valid, false);
  assert.deepEqual(Object.keys(output.findings[0]), ['code', 'severity', 'message', 'hint', 'path', 'line', 'column', 'endLine', 'endColumn']);
  assert.equal(output.findings[0].code, 'INVALID_EFFECT');
  assert.equal(output.findings[0].line, 3);
  assert.equal(output.findings[0].column, 28);
});

test('policy json output for several files', async () => {
  const { code, stdout } = await run(['valid.json', 'invalid.json', '--format=json']);
  assert.equal(code, 1);
  const output = JSON.parse(stdout);
  assert.deepEqual(output.map((entry: { file: string; valid: boolean }) => [entry.file, entry.valid]), [['valid.json', true], ['invalid.json', false]]);
});

test('policy reads standard input', async () => {
  const { code, stdout } = await run(['-'], VALID);
  assert.equal(code, 0);
  assert.equal(stdout, '-: valid, no findings\n');
});

test('policy identity type', async () => {
  assert.equal((await run(['identity.json', '--type', 'identity'])).code, 0);
  const asTrust = await run(['identity.json']);
  assert.equal(asTrust.code, 1);
  assert.match(asTrust.stdout, /MISSING_PRINCIPAL/);
});

test('policy usage errors exit 2', async () => {
  for (const args of [[], ['valid.json', '--type', 'resource'], ['valid.json', '--format', 'xml'], ['valid.json', '--bogus']]) {
    const { code, stderr } = await run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^lab-check policy: /);
  }
});

test('policy missing file exits 2', async () => {
  const { code, stderr, stdout } = await run(['missing.json', 'valid.json']);
  assert.equal(code, 2);
  assert.equal(stderr, 'lab-check policy: cannot read missing.json: no such file.\n');
  assert.equal(stdout, 'valid.json: valid, no findings\n');
});

test('policy verdicts on the trust corpus', async () => {
  const corpus = TRUST_POLICY_CORPUS.map((entry, index) => {
    const file = `corpus-${index}.json`;
    writeFileSync(join(folder, file), JSON.stringify(entry.policy, null, 2));
    return { ...entry, file };
  });
  const { stdout } = await run([...corpus.map((entry) => entry.file), '--format', 'json']);
  const output = JSON.parse(stdout) as Array<{ file: string; valid: boolean }>;
  assert.equal(output.length, corpus.length);
  corpus.forEach((entry, index) => {
    assert.equal(output[index]?.file, entry.file);
    assert.equal(output[index]?.valid ? 'valid' : 'invalid', entry.expected, entry.name);
  });
});
