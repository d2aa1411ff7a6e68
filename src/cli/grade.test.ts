import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInMemory } from './run-in-memory.ts';

const EXAMPLES = join(import.meta.dirname, '../../e2e/submissions');

const runGrade = (args: string[]) => runInMemory(['grade', ...args]);

test('grade cli passes the correct examples', async () => {
  const folder = join(EXAMPLES, 'aws-assume-role-temporary-access');
  const result = await runGrade([join(folder, 'correct.py'), join(folder, 'correct.js'), join(folder, 'correct.sh'), '--format', 'json']);
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  const output = JSON.parse(result.stdout);
  assert.equal(output.lab, 'aws-assume-role-temporary-access');
  assert.equal(output.submissions.length, 3);
  for (const submission of output.submissions) {
    assert.deepEqual(
      submission.steps.map((step: { status: string }) => step.status),
      ['pass', 'pass', 'pass', 'pass'],
      submission.source,
    );
  }
});

test('grade cli grades a folder of both labs', async () => {
  const result = await runGrade([EXAMPLES, '--format', 'json']);
  assert.equal(result.code, 1);
  const { submissions } = JSON.parse(result.stdout);
  const bySource = Object.fromEntries(
    submissions.map((s: { source: string; lab: string; steps: { status: string }[] }) => [
      s.source.split('/').slice(-2).join('/'),
      [s.lab, s.steps.map((step) => step.status).join(' ')],
    ]),
  );
  assert.deepEqual(bySource, {
    'aws-assume-role-temporary-access/correct.js': ['aws-assume-role-temporary-access', 'pass pass pass pass'],
    'aws-assume-role-temporary-access/correct.py': ['aws-assume-role-temporary-access', 'pass pass pass pass'],
    'aws-assume-role-temporary-access/correct.sh': ['aws-assume-role-temporary-access', 'pass pass pass pass'],
    'aws-assume-role-temporary-access/mistakes.py': ['aws-assume-role-temporary-access', 'fail fail fail fail'],
    'aws-assume-role-temporary-access/per-step.json': ['aws-assume-role-temporary-access', 'pass pass fail pass'],
    'aws-ec2-instance-profile-role/account-principal.sh': ['aws-ec2-instance-profile-role', 'fail pass pass fail'],
    'aws-ec2-instance-profile-role/correct.py': ['aws-ec2-instance-profile-role', 'pass pass pass pass'],
  });
  const perStep = submissions.find((s: { source: string }) => s.source.endsWith('per-step.json'));
  assert.deepEqual(
    perStep.quiz.map((q: { status: string }) => q.status),
    ['pass', 'pass', 'pass', 'fail', 'pass'],
  );
});

test('grade cli text output names each step', async () => {
  const file = join(EXAMPLES, 'aws-assume-role-temporary-access', 'mistakes.py');
  const result = await runGrade([file]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /FAIL {4}role-name: Define the role name/);
  assert.match(result.stdout, /STRING_CASE_MISMATCH/);
  assert.match(result.stdout, /FILE_PREFIX_MISSING/);
});

test('grade cli usage and read errors exit 2', async () => {
  assert.equal((await runGrade([])).code, 2);
  assert.equal((await runGrade(['x.py', '--format', 'yaml'])).code, 2);
  assert.equal((await runGrade(['x.py', '--lab', 'no-such-lab'])).code, 2);

  const missing = await runGrade(['/nonexistent/folder/a.py']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file or folder/);
});

test('grade cli keeps grading past bad files', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-grade-'));
  await mkdir(join(folder, 'nested'));
  await writeFile(join(folder, 'broken.json'), '{"lab": ');
  await writeFile(join(folder, 'other.json'), JSON.stringify({ lab: 'another-lab', code: 'x = 1' }));
  await writeFile(join(folder, 'nested', 'ok.py'), 'role_name = "TemporaryAccessRole"\n');
  await writeFile(join(folder, 'binary.py'), Buffer.from([0, 255, 254, 1, 2, 3, 0x80]));

  const result = await runGrade([folder, '--lab', 'aws-assume-role-temporary-access', '--format', 'json']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /broken\.json is not valid JSON/);
  assert.match(result.stderr, /names unknown lab "another-lab"/);
  assert.match(result.stderr, /binary\.py is not UTF-8 text/);
  const { submissions } = JSON.parse(result.stdout);
  assert.deepEqual(
    submissions.map((s: { source: string }) => s.source.split('/').pop()),
    ['ok.py'],
  );
});

test('grade cli reports a FIFO and grades the rest', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-fifo-'));
  const fifo = join(folder, 'pipe.py');
  execFileSync('mkfifo', [fifo]);
  await writeFile(join(folder, 'ok.py'), 'role_name = "TemporaryAccessRole"\n');

  const result = await runGrade([fifo, join(folder, 'ok.py'), '--lab', 'aws-assume-role-temporary-access', '--format', 'json']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /pipe\.py is not a regular file/);
  const { submissions } = JSON.parse(result.stdout);
  assert.deepEqual(submissions.map((s: { source: string }) => s.source.split('/').pop()), ['ok.py']);
});

test('grade cli help exits 0', async () => {
  const result = await runGrade(['--help']);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /  grade PATH... [--lab ID]/);
});
