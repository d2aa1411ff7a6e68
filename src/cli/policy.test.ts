import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIo } from './io.ts';
import { MAX_POLICY_FILE_BYTES } from './policy.ts';
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

test('policy refuses what is not a file', async () => {
  const fifo = join(folder, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
  for (const path of [fifo, '/dev/zero', folder]) {
    const { code, stdout, stderr } = await run([path]);
    assert.equal(code, 2, path);
    assert.equal(stdout, '', path);
    assert.equal(stderr, `lab-check policy: cannot read ${path}: not a regular file.\n`);
  }
});

test('policy refuses a file over 1 MiB', async () => {
  writeFileSync(join(folder, 'huge.json'), Buffer.alloc(MAX_POLICY_FILE_BYTES + 1, 0x20));
  const { code, stderr } = await run(['huge.json', 'valid.json']);
  assert.equal(code, 2);
  assert.equal(stderr, `lab-check policy: cannot read huge.json: it is 1048577 bytes, larger than the 1048576 bytes read.\n`);
});

test('policy names a file that is not UTF-8', async () => {
  writeFileSync(join(folder, 'latin1.json'), Buffer.from('{"Sid": "caf\xe9"}', 'latin1'));
  const { code, stderr } = await run(['latin1.json']);
  assert.equal(code, 2);
  assert.match(stderr, /^lab-check policy: cannot read latin1\.json: it is not UTF-8 text; /);
});

test('policy escapes control characters in a file name', async () => {
  const name = 'evil\u001b[2J\u202e.json';
  writeFileSync(join(folder, name), VALID);
  const { stdout } = await run([name]);
  assert.equal(stdout, 'evil\\u001B[2J\\u202E.json: valid, no findings\n');
});
