import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LabPackError, parseLabPack } from './lab-pack.ts';
import { LABS, findLab, recognizeLab } from '../../labs/index.ts';
import { GRADER_VERSION } from '../version.ts';

const seedLab = () => structuredClone(findLab('aws-assume-role-temporary-access')!);

test('shipped labs have the expected ids', () => {
  assert.deepEqual(
    LABS.map((lab) => lab.id),
    ['aws-assume-role-temporary-access', 'aws-ec2-instance-profile-role'],
  );
  assert.deepEqual(
    seedLab().steps.map((step) => [step.id, step.variable]),
    [
      ['trust-policy', 'trust_policy'],
      ['role-name', 'role_name'],
      ['assume-role-command', 'assume_role_command'],
      ['create-role-command', 'create_role_command'],
    ],
  );
  assert.deepEqual(seedLab().quiz.map((question) => question.id), ['1', '2', '3', '4', '5']);
});

test('lab pack rejects unknown keys', () => {
  const lab = { ...seedLab(), extra: true };
  assert.throws(() => parseLabPack(lab), LabPackError);
});

test('lab pack rejects a quiz answer that is no option', () => {
  const lab = seedLab();
  lab.quiz[0]!.answer = 'E';
  assert.throws(() => parseLabPack(lab), /quiz\.1: answer "E" is no option/);
});

test('lab pack rejects a file of an unknown variable', () => {
  const lab = seedLab();
  lab.files[0]!.variable = 'policy_text';
  assert.throws(() => parseLabPack(lab), /reads unknown variable "policy_text"/);
});

test('lab pack rejects duplicate step ids', () => {
  const lab = seedLab();
  lab.steps[1]!.id = 'trust-policy';
  assert.throws(() => parseLabPack(lab), /duplicate step id "trust-policy"/);
});

test('lab pack rejects an empty step list', () => {
  assert.throws(() => parseLabPack({ ...seedLab(), steps: [] }), /steps/);
});

test('recognizeLab by title and by headings', () => {
  assert.equal(
    recognizeLab({ title: 'Assuming roles for temporary access in AWS - Mini Project', headings: [] })?.id,
    'aws-assume-role-temporary-access',
  );
  assert.equal(
    recognizeLab({
      title: 'Week 3',
      headings: ['Write the EC2 trust policy', 'Create the   instance profile', 'Other'],
    })?.id,
    'aws-ec2-instance-profile-role',
  );
  assert.equal(recognizeLab({ title: 'Cooking pasta', headings: ['Boil water'] }), undefined);
});

test('grader version matches package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  assert.equal(GRADER_VERSION, pkg.version);
});
