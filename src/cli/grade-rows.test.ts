import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { parseCsv } from '../core/submissions/csv-parse.ts';
import { runInMemory } from './run-in-memory.ts';

const EXAMPLES = join(import.meta.dirname, '../../e2e/submissions/aws-assume-role-temporary-access');

const run = runInMemory;

const ROLE = 'role_name = ""TemporaryAccessRole""';

async function classFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-rows-'));
  await writeFile(join(folder, 'roster.csv'), `learner,code,q1\nann,"${ROLE}",B\nben,"${ROLE}\n"oops,A\ncat,x = 1,C\n`);
  await writeFile(
    join(folder, 'uploads.zip'),
    zipSync({ 'dan.py': strToU8('role_name = "TemporaryAccessRole"\n'), 'ann.sh': strToU8('role_name=TemporaryAccessRole\n') }),
  );
  await writeFile(join(folder, 'broken.zip'), 'PK\u0003\u0004 and then nothing of use');
  await writeFile(join(folder, 'other.json'), JSON.stringify({ lab: 'aws-ec2-instance-profile-role', code: 'x = 1' }));
  return folder;
}

test('grade csv has one row per submission', async () => {
  const folder = await classFolder();
  const result = await run(['grade', folder, '--lab', 'aws-assume-role-temporary-access', '--format', 'csv'], folder);
  assert.equal(result.code, 2);
  const rows = parseCsv(result.stdout).map((record) => (record.ok ? record.fields : []));
  const header = rows[0] ?? [];
  const cells = (row: string[], ...names: string[]) => names.map((name) => row[header.indexOf(name)]);
  const summary = rows.slice(1).map((row) => cells(row, 'learner', 'source', 'outcome', 'role-name', 'flags'));
  assert.deepEqual(summary, [
    ['', 'broken.zip', 'error', '', 'ZIP_TRUNCATED'],
    ['other', 'other.json', 'error', '', 'LAB_MISMATCH'],
    ['ann', 'roster.csv:2', 'graded', 'pass', ''],
    ['', 'roster.csv:3', 'error', '', 'CSV_QUOTE_STRAY'],
    ['cat', 'roster.csv:5', 'graded', 'missing', ''],
    ['dan', 'uploads.zip/dan.py', 'graded', 'pass', ''],
    ['ann', 'uploads.zip/ann.sh', 'flagged', 'pass', 'DUPLICATE_LEARNER'],
  ]);
  assert.deepEqual(cells(rows[3] ?? [], 'quiz', 'total', 'possible'), ['1', '2', '9']);
  assert.match(result.stderr, /broken\.zip: The archive is cut short/);
  assert.match(result.stderr, /roster\.csv:3: Row on line 3 has a quote/);
});

test('grade csv reads a broken cell as one row', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-rows-'));
  const cell = `alice,"${'a\n'.repeat(200_000)}\nbob,"role_name = ""TemporaryAccessRole"""\n`;
  await writeFile(join(folder, 'roster.csv'), `learner,role_name\n${cell}`);
  const result = await run(['grade', 'roster.csv', '--format', 'csv'], folder);
  assert.equal(result.code, 2);
  const rows = parseCsv(result.stdout).map((record) => (record.ok ? record.fields : []));
  assert.equal(rows.length, 2);
  const header = rows[0] ?? [];
  const row = rows[1] ?? [];
  assert.deepEqual(['learner', 'source', 'outcome', 'flags'].map((name) => row[header.indexOf(name)]), ['', 'roster.csv:2', 'error', 'CSV_QUOTE_STRAY']);
  assert.match(row[header.indexOf('message')] ?? '', /lines 2 to 200003 are one broken row and were not graded/);
  assert.equal(result.stderr.split('\n').filter(Boolean).length, 1);
});

test('grade csv grades each submission by its lab', async () => {
  // The file that sorts first names the other lab; the code files are detected as their own.
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-rows-'));
  await writeFile(join(folder, 'aaa-first.json'), JSON.stringify({ lab: 'aws-ec2-instance-profile-role', language: 'python', code: 'x = 1' }));
  await writeFile(join(folder, 'bob.py'), await readFile(join(EXAMPLES, 'correct.py'), 'utf8'));
  await writeFile(join(folder, 'carol.py'), 'role_name = "TemporaryAccessRole"\n');
  await writeFile(join(folder, 'dan.py'), 'print("hello")\n');
  const result = await run(['grade', '.', '--format', 'csv'], folder);
  assert.equal(result.code, 2);
  const rows = parseCsv(result.stdout).map((record) => (record.ok ? record.fields : []));
  const header = rows[0] ?? [];
  for (const row of rows) assert.equal(row.length, header.length);
  const cells = (row: string[], ...names: string[]) => names.map((name) => row[header.indexOf(name)]);
  const summary = rows.slice(1).map((row) => cells(row, 'learner', 'lab', 'outcome', 'role-name', 'create-role', 'total', 'flags'));
  assert.deepEqual(summary, [
    ['aaa-first', 'aws-ec2-instance-profile-role', 'graded', '', 'missing', '0', ''],
    ['bob', 'aws-assume-role-temporary-access', 'graded', 'pass', '', '4', ''],
    ['carol', 'aws-assume-role-temporary-access', 'graded', 'pass', '', '1', ''],
    ['dan', '', 'error', '', '', '', 'LAB_NOT_DETECTED'],
  ]);
  assert.match(result.stderr, /dan\.py: The code defines no known lab's variables/);
});

test('grade csv with --lab has its steps only', async () => {
  const result = await run(['grade', join(EXAMPLES, 'correct.py'), '--lab', 'aws-assume-role-temporary-access', '--format', 'csv']);
  const [header] = parseCsv(result.stdout).map((record) => (record.ok ? record.fields : []));
  assert.deepEqual(header?.slice(4, 8), ['trust-policy', 'role-name', 'assume-role-command', 'create-role-command']);
  assert.equal(header?.[8], 'quiz');
});

test('grade junit is one suite per submission', async () => {
  const result = await run(['grade', join(EXAMPLES, 'correct.py'), join(EXAMPLES, 'mistakes.py'), '--format', 'junit']);
  assert.equal(result.code, 1);
  assert.equal(result.stdout.match(/<testsuite /g)?.length, 2);
  assert.match(result.stdout, /<testsuite name="correct" tests="9" failures="5" errors="0"/);
  assert.match(result.stdout, /<testsuite name="mistakes" tests="9" failures="9" errors="0"/);
});

test('grade gradescope writes one results.json', async () => {
  const result = await run(['grade', join(EXAMPLES, 'per-step.json'), '--format', 'gradescope']);
  assert.equal(result.code, 1);
  const results = JSON.parse(result.stdout);
  assert.equal(results.score, 7);
  assert.equal(results.tests.length, 9);
  assert.deepEqual(Object.keys(results.tests[0]).sort(), ['max_score', 'name', 'output', 'score', 'status', 'visibility']);
});

test('grade gradescope writes JSON lines for many', async () => {
  const result = await run(['grade', join(EXAMPLES, 'correct.py'), join(EXAMPLES, 'correct.sh'), '--format', 'gradescope']);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  for (const line of lines) assert.equal(JSON.parse(line).score, 4);
});

test('grade json reads csv rows', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-rows-'));
  await writeFile(join(folder, 'roster.csv'), `id,code\nann,"${ROLE}"\n`);
  const result = await run(['grade', 'roster.csv', '--format', 'json'], folder);
  assert.equal(result.stderr, '');
  const { submissions } = JSON.parse(result.stdout);
  assert.equal(submissions.length, 1);
  assert.equal(submissions[0].source, 'roster.csv:2');
  assert.equal(submissions[0].steps[1].status, 'pass');
});
