import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../core/submissions/csv-parse.ts';
import { runInMemory } from './run-in-memory.ts';

const CORRECT = join(import.meta.dirname, '../../e2e/submissions/aws-assume-role-temporary-access/correct.py');
const ROLE = 'role_name = "TemporaryAccessRole"\n';

/** Makes a class folder with every kind of entry a walk meets, and a file outside it. */
async function classFolder(): Promise<string> {
  const outside = await mkdtemp(join(tmpdir(), 'lab-check-outside-'));
  await writeFile(join(outside, 'secret.py'), 'role_name = "OUTSIDE_SECRET"\n');

  const folder = await mkdtemp(join(tmpdir(), 'lab-check-walk-'));
  await mkdir(join(folder, 'store'));
  await mkdir(join(folder, 'links'));
  await mkdir(join(folder, '__MACOSX'));
  await writeFile(join(folder, 'alice.py'), ROLE);
  await writeFile(join(folder, 'store', 'upload-1.txt'), ROLE);
  await symlink(join(folder, 'store', 'upload-1.txt'), join(folder, 'links', 'bob.py'));
  await symlink(join(outside, 'secret.py'), join(folder, 'links', 'mallory.py'));
  await symlink('/dev/zero', join(folder, 'links', 'zero.py'));
  await symlink('..', join(folder, 'links', 'up'));
  await symlink(join(folder, 'missing.py'), join(folder, 'links', 'dangling.py'));
  execFileSync('mkfifo', [join(folder, 'pipe.py')]);
  await writeFile(join(folder, 'notebook.ipynb'), ROLE);
  await writeFile(join(folder, '.hidden.py'), ROLE);
  await writeFile(join(folder, '__MACOSX', '._alice.py'), ROLE);
  return folder;
}

test('walk reports every entry not graded', async () => {
  const folder = await classFolder();
  const result = await runInMemory(['grade', '.', '--format', 'csv'], folder);
  assert.equal(result.code, 2);
  const rows = parseCsv(result.stdout).map((record) => (record.ok ? record.fields : []));
  const header = rows[0] ?? [];
  const cells = (row: string[], ...names: string[]) => names.map((name) => row[header.indexOf(name)]);
  assert.deepEqual(rows.slice(1).map((row) => cells(row, 'learner', 'source', 'outcome', 'role-name', 'flags')), [
    ['alice', 'alice.py', 'graded', 'pass', ''],
    ['', 'notebook.ipynb', 'error', '', 'FILE_TYPE_UNSUPPORTED'],
    ['', 'pipe.py', 'error', '', 'FILE_SKIPPED'],
    ['bob', 'links/bob.py', 'graded', 'pass', ''],
    ['', 'links/dangling.py', 'error', '', 'FILE_SKIPPED'],
    ['', 'links/mallory.py', 'error', '', 'FILE_SKIPPED'],
    ['', 'links/up', 'error', '', 'FILE_SKIPPED'],
    ['', 'links/zero.py', 'error', '', 'FILE_SKIPPED'],
    ['upload-1', 'store/upload-1.txt', 'graded', 'pass', ''],
  ]);
  assert.doesNotMatch(result.stdout, /OUTSIDE_SECRET/);

  const stderr = result.stderr.trim().split('\n');
  assert.equal(stderr.length, 6);
  assert.match(result.stderr, /notebook\.ipynb: Files ending in "\.ipynb" are not read/);
  assert.match(result.stderr, /pipe\.py: The file was not graded because it is a FIFO \(named pipe\), not a regular file\./);
  assert.match(result.stderr, /links\/dangling\.py: The file was not graded because it is a symbolic link whose target does not exist\./);
  assert.match(result.stderr, /links\/mallory\.py: The file was not graded because it is a symbolic link to a path outside the folder/);
  assert.match(result.stderr, /links\/up: The file was not graded because it is a symbolic link to a folder/);
  assert.match(result.stderr, /links\/zero\.py: The file was not graded because it is a symbolic link to a path outside the folder/);
});

test('walk text output reports skipped files', async () => {
  const folder = await classFolder();
  const result = await runInMemory(['grade', '.', '--lab', 'aws-assume-role-temporary-access', '--format', 'json'], folder);
  assert.equal(result.code, 2);
  const { submissions } = JSON.parse(result.stdout);
  assert.deepEqual(submissions.map((s: { source: string }) => s.source), ['alice.py', 'links/bob.py', 'store/upload-1.txt']);
  assert.equal(result.stderr.trim().split('\n').length, 6);
  assert.doesNotMatch(result.stdout + result.stderr, /OUTSIDE_SECRET/);
});

test('walk exits 2 for one unread extension', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-walk-'));
  await writeFile(join(folder, 'alice.py'), await readFile(CORRECT, 'utf8'));
  await writeFile(join(folder, 'bob.ipynb'), ROLE);
  const result = await runInMemory(['grade', '.', '--format', 'text'], folder);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /alice\.py: aws-assume-role-temporary-access 4\/9 points/);
  assert.match(result.stderr, /^lab-check grade: bob\.ipynb: Files ending in "\.ipynb" are not read/);
});

test('walk grades a link named on the command line', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-walk-'));
  await writeFile(join(folder, 'upload.txt'), ROLE);
  await symlink(join(folder, 'upload.txt'), join(folder, 'carol.py'));
  const result = await runInMemory(['grade', 'carol.py', '--format', 'csv'], folder);
  assert.equal(result.stderr, '');
  const rows = parseCsv(result.stdout).map((record) => (record.ok ? record.fields : []));
  assert.deepEqual(rows[1]?.slice(0, 4), ['carol', 'carol.py', 'aws-assume-role-temporary-access', 'graded']);
});
