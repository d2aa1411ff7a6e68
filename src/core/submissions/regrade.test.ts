import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLab, LABS } from '../../labs/index.ts';
import { gradeSubmission, type SubmissionInput } from '../engine/index.ts';
import { buildSubmissionExport, exportDigest, exportFileName, hasValidDigest } from './build-export.ts';
import type { SubmissionExport } from './export-format.ts';
import type { SubmissionItem } from './items.ts';
import { readJsonSubmission } from './read-json.ts';
import { BatchRegrader, regradeAll } from './regrade.ts';

const lab = findLab('aws-assume-role-temporary-access')!;
const ec2 = findLab('aws-ec2-instance-profile-role')!;

const CORRECT = [
  `trust_policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}'`,
  `role_name = "TemporaryAccessRole"`,
  `assume_role_command = "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole --role-session-name TempSession"`,
  `create_role_command = "aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document file://trust-policy.json"`,
].join('\n');
const WRONG_NAME = CORRECT.replace('role_name = "TemporaryAccessRole"', 'role_name = "temporaryaccessrole"');
const QUIZ = { '1': 'B', '2': 'A', '3': 'A', '4': 'D', '5': 'C' };

const item = (learner: string, input: SubmissionInput, lab?: string): SubmissionItem => ({
  ok: true,
  source: `${learner}.py`,
  learner,
  input,
  ...(lab ? { lab } : {}),
});

async function exportOf(input: SubmissionInput): Promise<SubmissionExport> {
  const report = gradeSubmission(lab, input);
  return buildSubmissionExport({ input, report, exportedAt: new Date('2026-12-01T10:00:00Z'), learner: 'alice' });
}

async function regradeExport(claim: SubmissionExport) {
  const read = readJsonSubmission('alice.json', JSON.stringify(claim));
  assert.ok(read.ok, 'the export reads back');
  const [row] = await regradeAll([read], { labs: LABS });
  assert.ok(row);
  return row;
}

test('export digest covers every member', async () => {
  const claim = await exportOf({ code: CORRECT, quiz: QUIZ });
  assert.equal(await hasValidDigest(claim), true);
  assert.equal(claim.digest.value, await exportDigest(claim));
  for (const change of [
    (c: SubmissionExport) => (c.exportedAt = '2026-12-02T10:00:00Z'),
    (c: SubmissionExport) => (c.answers.quiz['1'] = 'C'),
    (c: SubmissionExport) => (c.report.score.earned = 0),
    (c: SubmissionExport) => (c.learner = 'mallory'),
  ]) {
    const copy = structuredClone(claim);
    change(copy);
    assert.equal(await hasValidDigest(copy), false);
  }
});

test('export digest ignores member order', async () => {
  const claim = await exportOf({ code: CORRECT, quiz: QUIZ });
  const reordered = JSON.parse(JSON.stringify(claim, Object.keys(claim).reverse())) as SubmissionExport;
  reordered.answers = claim.answers;
  reordered.report = claim.report;
  reordered.lab = claim.lab;
  reordered.digest = claim.digest;
  assert.equal(await hasValidDigest(reordered), true);
});

test('regrade of an untouched export has no flags', async () => {
  const row = await regradeExport(await exportOf({ code: CORRECT, quiz: QUIZ }));
  assert.deepEqual(row.flags, []);
  assert.equal(row.learner, 'alice');
  assert.equal(row.report?.score.earned, 9);
  assert.equal(row.claim?.digestValid, true);
});

test('regrade flags an edited claim', async () => {
  const claim = await exportOf({ code: WRONG_NAME, quiz: QUIZ });
  const step = claim.report.steps.find((s) => s.id === 'role-name')!;
  step.status = 'pass';
  step.earned = 1;
  step.findings = [];
  claim.report.score.earned += 1;
  const row = await regradeExport(claim);
  assert.deepEqual(row.flags.map((flag) => flag.code), ['DIGEST_MISMATCH', 'CLAIM_MISMATCH']);
  const paths = (row.flags[1]?.data.differences as Array<{ path: string }>).map((d) => d.path);
  assert.ok(paths.includes('score.earned'), paths.join());
  assert.ok(paths.includes('steps.role-name.status'), paths.join());
});

test('regrade flags an edit with a recomputed digest', async () => {
  const claim = await exportOf({ code: WRONG_NAME, quiz: QUIZ });
  claim.report.score.earned = 9;
  claim.digest.value = await exportDigest(claim);
  const row = await regradeExport(claim);
  assert.deepEqual(row.flags.map((flag) => flag.code), ['CLAIM_MISMATCH']);
  assert.equal(row.claim?.digestValid, true);
});

test('regrade flags another grader version', async () => {
  const claim = await exportOf({ code: CORRECT, quiz: QUIZ });
  claim.grader = 'lab-check@0.0.9';
  claim.report.grader = 'lab-check@0.0.9';
  claim.report.steps[0]!.findings.push({ code: 'OLD', severity: 'suggestion', message: 'Worded differently.' });
  claim.digest.value = await exportDigest(claim);
  const row = await regradeExport(claim);
  assert.deepEqual(row.flags.map((flag) => flag.code), ['GRADER_VERSION']);
});

test('regrade flags another lab version in the export header', async () => {
  const claim = await exportOf({ code: CORRECT, quiz: QUIZ });
  claim.lab.version = '9.9.9';
  claim.digest.value = await exportDigest(claim);
  const row = await regradeExport(claim);
  assert.deepEqual(row.flags.map((flag) => flag.code), ['LAB_VERSION']);
  assert.equal(row.flags[0]?.data.claimed, '9.9.9');
});

test('regrade flags duplicate learner ids', async () => {
  const rows = await regradeAll(
    [item('alice', { code: CORRECT }), item('bob', { code: CORRECT }), item('alice', { code: WRONG_NAME })],
    { labs: LABS },
  );
  assert.deepEqual(rows.map((row) => row.flags.map((flag) => flag.code)), [[], [], ['DUPLICATE_LEARNER']]);
  assert.equal(rows[2]?.flags[0]?.data.firstRow, 1);
  assert.equal(rows[2]?.flags[0]?.message, 'The learner id "alice" also appears in row 1 of this batch.');
  assert.equal(rows[2]?.report?.score.earned, 3);
});

test('regrade keeps one lab when asked', async () => {
  const rows = await regradeAll(
    [
      { ok: false, source: 'broken.json', error: { code: 'JSON_INVALID', message: 'x', data: {} } },
      item('alice', { code: CORRECT }),
      item('bob', { code: 'x = 1' }, ec2.id),
      item('carol', { code: 'x = 1' }, 'no-such-lab'),
      item('dan', { code: 'x = 1' }),
    ],
    { labs: LABS, lab, oneLab: true },
  );
  assert.deepEqual(
    rows.map((row) => row.error?.code ?? row.report?.lab),
    ['JSON_INVALID', lab.id, 'LAB_MISMATCH', 'LAB_UNKNOWN', lab.id],
  );
  assert.deepEqual(rows.map((row) => row.index), [0, 1, 2, 3, 4]);
});

test('regrade detects each lab without a chosen one', async () => {
  // The first submission names the other lab; it must not decide the lab of the rest.
  const rows = await regradeAll(
    [
      item('aaa', { code: 'x = 1' }, ec2.id),
      item('bob', { code: CORRECT }),
      item('carol', { code: 'role_name = "TemporaryAccessRole"' }),
      item('dan', { code: 'print("hello")' }),
    ],
    { labs: LABS, oneLab: true },
  );
  assert.deepEqual(
    rows.map((row) => row.error?.code ?? row.report?.lab),
    [ec2.id, lab.id, lab.id, 'LAB_NOT_DETECTED'],
  );
  assert.equal(rows[1]?.report?.score.earned, 4);
});

test('regrade without one lab grades each by its own', async () => {
  const regrader = new BatchRegrader({ labs: LABS, lab });
  const named = await regrader.regrade(item('bob', { code: 'x = 1' }, ec2.id));
  const unnamed = await regrader.regrade(item('carol', { code: 'x = 1' }));
  assert.equal(named.report?.lab, ec2.id);
  assert.equal(unnamed.report?.lab, lab.id);
});

test('regrade reports code with no lab variables', async () => {
  const [row] = await regradeAll([item('eve', { code: 'print("hello")' })], { labs: LABS });
  assert.equal(row?.error?.code, 'LAB_NOT_DETECTED');
});

test('regrade flags an edited finding alone', async () => {
  const claim = await exportOf({ code: WRONG_NAME, quiz: QUIZ });
  const finding = claim.report.steps.find((s) => s.id === 'role-name')!.findings[0]!;
  finding.message = 'Looks fine.';
  claim.digest.value = await exportDigest(claim);
  const row = await regradeExport(claim);
  assert.deepEqual(row.flags.map((flag) => flag.code), ['CLAIM_MISMATCH']);
  assert.deepEqual(
    (row.flags[0]?.data.differences as Array<{ path: string; claimed: unknown }>).map((d) => [d.path, d.claimed]),
    [['steps.role-name.findings[0].message', 'Looks fine.']],
  );
});

test('export file name has lab learner and time', async () => {
  const claim = await exportOf({ code: CORRECT, quiz: QUIZ });
  assert.equal(exportFileName(claim), 'aws-assume-role-temporary-access-alice-20261201-1000.json');
  claim.learner = '../a b';
  assert.equal(exportFileName(claim), 'aws-assume-role-temporary-access-.._a_b-20261201-1000.json');
});

test('regrade flags an added member', async () => {
  const claim = await exportOf({ code: CORRECT, quiz: QUIZ });
  const row = await regradeExport({ ...claim, note: 'graded by hand: full marks' } as SubmissionExport);
  assert.deepEqual(row.flags.map((flag) => flag.code), ['DIGEST_MISMATCH']);
});
