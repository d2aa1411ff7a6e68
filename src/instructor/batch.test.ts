import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, unzipSync } from 'fflate';
import { LABS } from '../labs/index.ts';
import type { InputFile } from '../core/submissions/index.ts';
import { parseCsv } from '../core/submissions/csv-parse.ts';
import { RegradeBatch } from './batch.ts';
import type { RowSummary } from './protocol.ts';

const ROLE = 'role_name = "TemporaryAccessRole"\n';

const file = (name: string, text: string): InputFile => {
  const bytes = strToU8(text);
  return {
    name,
    size: bytes.length,
    async *chunks() {
      yield bytes;
    },
    read: async (start, end) => bytes.subarray(start, end),
  };
};

async function gradeFiles(files: InputFile[]) {
  let clock = 0;
  const batch = new RegradeBatch({ labs: LABS, now: () => (clock += 60) });
  const groups: RowSummary[][] = [];
  const progress: Array<[number, number, number]> = [];
  await batch.grade(files, {
    rows: (rows) => groups.push(rows),
    progress: (read, total, rows) => progress.push([read, total, rows]),
  });
  return { batch, groups, progress };
}

test('batch reports rows in groups with progress', async () => {
  const files = [file('ann.py', ROLE), file('ben.py', ROLE), file('cat.py', 'x = 1'), file('ann.sh', 'role_name=x')];
  const { groups, progress } = await gradeFiles(files);
  assert.deepEqual(groups.map((group) => group.map((row) => row.learner)), [['ann', 'ben'], ['cat', 'ann']]);
  const last = progress.at(-1);
  assert.deepEqual(last, [files.reduce((n, f) => n + f.size, 0), files.reduce((n, f) => n + f.size, 0), 4]);
  const rows = groups.flat();
  // Without a chosen lab, cat.py defines no lab's variables, so it is not graded against the others' lab.
  assert.deepEqual(rows.map((row) => row.outcome), ['graded', 'graded', 'error', 'flagged']);
  assert.deepEqual(rows[2]?.flags, ['LAB_NOT_DETECTED']);
  assert.deepEqual(rows[0]?.steps, {
    'trust-policy': 'missing',
    'role-name': 'pass',
    'assume-role-command': 'missing',
    'create-role-command': 'missing',
  });
  assert.deepEqual(rows[3]?.flags, ['DUPLICATE_LEARNER']);
});

test('batch grades each file by its own lab', async () => {
  // The file that comes first names the other lab; it must not decide the lab of the rest.
  const other = JSON.stringify({ lab: 'aws-ec2-instance-profile-role', code: 'x = 1' });
  const { batch, groups } = await gradeFiles([file('aaa.json', other), file('ann.py', ROLE)]);
  const rows = groups.flat();
  assert.deepEqual(rows.map((row) => row.lab), ['aws-ec2-instance-profile-role', 'aws-assume-role-temporary-access']);
  assert.equal(rows[1]?.steps['role-name'], 'pass');
  assert.deepEqual(rows[1]?.score, { earned: 1, possible: 9 });
  assert.deepEqual(batch.stepColumns, [
    'trust-policy', 'role-name', 'assume-role-command', 'create-role-command',
    'ec2-trust-policy', 'create-role', 'create-instance-profile', 'add-role-to-profile',
  ]);

  const csv = batch.export('csv');
  assert.equal(csv.fileName, 'lab-check-regrade.csv');
  const records = parseCsv(new TextDecoder().decode(csv.bytes)).map((record) => (record.ok ? record.fields : []));
  const header = records[0] ?? [];
  assert.equal(records.length, 3);
  for (const record of records) assert.equal(record.length, header.length);
  assert.equal(records[2]?.[header.indexOf('role-name')], 'pass');
  assert.equal(records[1]?.[header.indexOf('create-role')], 'missing');
});

test('batch with a chosen lab has its columns', async () => {
  const ec2 = LABS.find((lab) => lab.id === 'aws-ec2-instance-profile-role')!;
  const batch = new RegradeBatch({ labs: LABS, lab: ec2 });
  await batch.grade([file('ann.py', ROLE)], { rows: () => {}, progress: () => {} });
  assert.deepEqual(batch.stepColumns, ec2.steps.map((step) => step.id));
  assert.equal(batch.export('csv').fileName, `lab-check-${ec2.id}.csv`);
});

test('batch detail returns the input', async () => {
  const { batch } = await gradeFiles([file('ann.py', ROLE)]);
  const detail = batch.detail(0);
  assert.equal(detail?.input?.code, ROLE);
  assert.equal(detail?.row.report?.steps[1]?.status, 'pass');
  assert.equal(batch.detail(5), undefined);
});

test('batch exports csv json and gradescope', async () => {
  const { batch } = await gradeFiles([file('ann.py', ROLE), file('a/../ann.py', ROLE), file('bad.json', '{')]);
  const csv = batch.export('csv');
  assert.equal(csv.fileName, 'lab-check-aws-assume-role-temporary-access.csv');
  assert.equal(new TextDecoder().decode(csv.bytes).split('\r\n').length, 5);

  const json = JSON.parse(new TextDecoder().decode(batch.export('json').bytes));
  assert.equal(json.rows.length, 3);

  const archive = unzipSync(batch.export('gradescope').bytes);
  assert.deepEqual(Object.keys(archive).sort(), ['ann-2/results.json', 'ann/results.json', 'bad/results.json']);
  const results = JSON.parse(new TextDecoder().decode(archive['ann/results.json']));
  assert.equal(results.score, 1);
});

test('batch stops once cancelled', async () => {
  let clock = 0;
  const batch = new RegradeBatch({ labs: LABS, now: () => (clock += 60) });
  const seen: string[] = [];
  const files = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => file(`${name}.py`, ROLE));
  await batch.grade(files, {
    rows: (rows) => {
      seen.push(...rows.map((row) => row.learner));
      batch.cancel();
    },
    progress: () => {},
  });
  assert.deepEqual(seen, ['a', 'b']);
  assert.equal(batch.size, 2);
});

test('batch summary escapes learner controls', async () => {
  const { groups } = await gradeFiles([file('eve\u001b[2J\u202Egnp.py', ROLE)]);
  const [row] = groups.flat();
  assert.equal(row?.learner, 'eve\\u001B[2J\\u202Egnp');
  assert.equal(row?.source, 'eve\\u001B[2J\\u202Egnp.py');
});
