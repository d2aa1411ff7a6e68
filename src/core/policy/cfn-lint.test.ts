/**
 * Differential test against cfn-lint (rule E3530 and friends validate role
 * trust policies embedded in AWS::IAM::Role). Every policy has a verdict
 * settled by an IAM rule, and this validator must match it. Every policy
 * where cfn-lint reaches another verdict is listed in DISAGREEMENTS with
 * that rule. The test fails when a listed disagreement disappears or a new
 * one appears, so the list stays true for the installed cfn-lint.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { validatePolicy } from './index.ts';
import { TRUST_POLICY_CORPUS as CORPUS, type CorpusEntry, type Verdict } from './trust-policy-corpus.ts';

/**
 * Policies where cfn-lint 1.x reaches the other verdict, each with the IAM
 * rule that settles it (cfn-lint validates trust policies with a JSON
 * schema that does not know every IAM rule).
 */
const DISAGREEMENTS: Record<string, { cfnLint: Verdict; rule: string }> = {
  'not principal': { cfnLint: 'valid', rule: 'Role trust policies do not support NotPrincipal (IAM rejects it in CreateRole).' },
  'bare wildcard principal': { cfnLint: 'valid', rule: 'A role trust policy rejects "Principal": "*"; only {"AWS": "*"} is accepted.' },
  'lower-case principal key': { cfnLint: 'valid', rule: 'Principal keys are exactly AWS, Service, Federated and CanonicalUser, case-sensitive.' },
  'service without domain': { cfnLint: 'valid', rule: 'A service principal is the service\'s name such as ec2.amazonaws.com; "ec2" names no principal.' },
  's3 action in trust policy': { cfnLint: 'valid', rule: 'AssumeRole policy may only specify STS AssumeRole actions (IAM MalformedPolicyDocument).' },
  'misspelled action': { cfnLint: 'valid', rule: 'The Service Authorization Reference lists no sts:AssumeRoles, so it grants nothing; cfn-lint only warns (W3037).' },
  'action without prefix': { cfnLint: 'valid', rule: 'An action is service:Action; cfn-lint only warns (W3037) where IAM rejects the policy.' },
  'empty statement': { cfnLint: 'valid', rule: 'A policy needs at least one statement; an empty Statement array names nobody who may assume the role.' },
  'sid with spaces': { cfnLint: 'valid', rule: 'An IAM Sid may contain only A-Z, a-z and 0-9.' },
  'group principal': { cfnLint: 'valid', rule: 'An IAM group cannot be a principal; only accounts, users, roles, sessions and services can.' },
  'partial wildcard principal': { cfnLint: 'valid', rule: 'Principals take no partial wildcards: "*" alone is the only wildcard.' },
  'null if exists': { cfnLint: 'valid', rule: 'The Null condition operator takes no IfExists suffix.' },
  'saml action for account': { cfnLint: 'valid', rule: 'sts:AssumeRoleWithSAML needs a Federated SAML provider principal, not an account.' },
};

const resourceName = (index: number) => `Role${index}`;

function runCfnLint(corpus: CorpusEntry[]): Map<string, string[]> | undefined {
  const folder = mkdtempSync(join(tmpdir(), 'lab-check-cfn-lint-'));
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: Object.fromEntries(
      corpus.map((entry, index) => [resourceName(index), { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: entry.policy } }]),
    ),
  };
  const file = join(folder, 'roles.json');
  writeFileSync(file, JSON.stringify(template, null, 2));
  const result = spawnSync('cfn-lint', ['--format', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return undefined;

  const errors = new Map<string, string[]>();
  for (const finding of JSON.parse(result.stdout) as Array<{ Level: string; Rule: { Id: string }; Message: string; Location: { Path: unknown[] } }>) {
    const [, resource] = finding.Location.Path;
    if (finding.Level !== 'Error' || typeof resource !== 'string') continue;
    const list = errors.get(resource) ?? [];
    list.push(`${finding.Rule.Id} ${finding.Message}`);
    errors.set(resource, list);
  }
  return errors;
}

test('differential corpus has 40 policies', () => {
  assert.ok(CORPUS.length >= 40);
  assert.equal(new Set(CORPUS.map((entry) => entry.name)).size, CORPUS.length, 'names are unique');
});

test('validator matches IAM verdicts', () => {
  for (const entry of CORPUS) {
    const { valid, findings } = validatePolicy(JSON.stringify(entry.policy, null, 2));
    const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code);
    assert.equal(valid ? 'valid' : 'invalid', entry.expected, `${entry.name}: ${errors.join(', ')}`);
  }
});

test('cfn-lint disagreements are listed', (context) => {
  const errors = runCfnLint(CORPUS);
  if (!errors) {
    context.skip('cfn-lint is not on PATH; install it with "pip install cfn-lint" to run this test');
    return;
  }
  const found: Record<string, Verdict> = {};
  CORPUS.forEach((entry, index) => {
    const cfnLint: Verdict = errors.has(resourceName(index)) ? 'invalid' : 'valid';
    if (cfnLint !== entry.expected) found[entry.name] = cfnLint;
  });
  const listed = Object.fromEntries(Object.entries(DISAGREEMENTS).map(([name, entry]) => [name, entry.cfnLint]));
  assert.deepEqual(found, listed);
});
