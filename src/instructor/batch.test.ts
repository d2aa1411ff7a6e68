import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, unzipSync } from 'fflate';
import { LABS } from '../labs/index.ts';
import type { InputFile } from '../core/submissions/index.ts';
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
  // The first row fixes the lab, so cat.py is graded against it even though it defines none of its variables.
  assert.deepEqual(rows.map((row) => row.outcome), ['graded', 'graded', 'graded', 'flagged']);
  assert.deepEqual(rows[0]?.steps, {
    'trust-policy': 'missing',
    'role-name': 'pass',
    'assume-role-command': 'missing',
    'create-role-command': 'missing',
  });
  assert.deepEqual(rows[3]?.flags, ['DUPLICATE_LEARNER']);
  assert.deepEqual(rows[2]?.score, { earned: 0, possible: 9 });
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
