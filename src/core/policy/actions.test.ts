import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validatePolicy } from './index.ts';
import { wildcardCovers, wildcardMatches } from './actions.ts';

test('wildcardMatches cases', () => {
  const cases: Array<[string, string, boolean]> = [
    ['sts:AssumeRole', 'sts:assumerole', true],
    ['sts:*', 'sts:AssumeRole', true],
    ['sts:Assume*', 'sts:AssumeRoleWithSAML', true],
    ['sts:Assume*', 'sts:TagSession', false],
    ['sts:*Role', 'sts:AssumeRole', true],
    ['sts:*Role', 'sts:AssumeRoleWithSAML', false],
    ['sts:Assume?ole', 'sts:AssumeRole', true],
    ['sts:Assume?ole', 'sts:AssumeRle', false],
    ['s*:*e*', 'sts:AssumeRole', true],
    ['*', '', true],
    ['?', '', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['**', 'anything', true],
  ];
  for (const [pattern, value, expected] of cases) {
    assert.equal(wildcardMatches(pattern, value), expected, `${pattern} ~ ${value}`);
  }
});

test('many stars match in linear time', () => {
  const pattern = `sts:${'*'.repeat(5000)}x`;
  const value = `sts:${'a'.repeat(5000)}`;
  const started = process.cpuUsage();
  assert.equal(wildcardMatches(pattern, value), false);
  const used = process.cpuUsage(started);
  assert.ok(used.user + used.system < 2_000_000, 'took over 2 s of CPU time');
});

test('starred action in a policy returns findings', () => {
  const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["sts:${'*'.repeat(22)}x"]}]}`;
  const started = process.cpuUsage();
  const result = validatePolicy(text);
  const used = process.cpuUsage(started);
  assert.ok(used.user + used.system < 2_000_000, 'took over 2 s of CPU time');
  assert.ok(result.findings.some((finding) => finding.code === 'INVALID_ACTION'));
});

test('wildcard covers a narrower wildcard', () => {
  const cases: Array<[string, string, boolean]> = [
    ['s3:Get*', 's3:GetObject*', true],
    ['s3:Get*', 's3:getobject?', true],
    ['s3:GetObject?', 's3:GetObject*', false],
    ['s3:GetObject*', 's3:GetObject?', true],
    ['s3:?*', 's3:??**', true],
    ['s3:??**', 's3:?*', false],
    ['s3:*', 'ec2:*', false],
    ['*', 'sts:AssumeRole', true],
    ['sts:AssumeRole', 'sts:AssumeRole', true],
    ['sts:AssumeRole', 'sts:Assume*', false],
    ['', '', true],
    ['*', '', true],
    ['?', '', false],
  ];
  for (const [pattern, other, expected] of cases) {
    assert.equal(wildcardCovers(pattern, other), expected, `${pattern} covers ${other}`);
  }
});

test('wildcard cover takes no exponential time', () => {
  const stars = `sts:${'*'.repeat(2000)}x`;
  assert.equal(wildcardCovers(stars, `sts:${'?*'.repeat(1000)}y`), false);
});
