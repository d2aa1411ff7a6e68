/**
 * Differential test against cfn-lint (rule E3530 and friends validate role
 * trust policies embedded in AWS::IAM::Role). Every policy has a verdict
 * settled by an IAM rule; this validator must match it, and every policy
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

type Verdict = 'valid' | 'invalid';

interface CorpusEntry {
  name: string;
  /** The verdict IAM reaches when the role is created with this trust policy. */
  expected: Verdict;
  policy: unknown;
}

const ROOT = { AWS: 'arn:aws:iam::123456789012:root' };
const allow = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: ROOT, Action: 'sts:AssumeRole', ...extra });
const trust = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });
const GITHUB = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
const SAML = 'arn:aws:iam::123456789012:saml-provider/Okta';

const CORPUS: CorpusEntry[] = [
  { name: 'account root', expected: 'valid', policy: trust(allow()) },
  { name: 'account id', expected: 'valid', policy: trust(allow({ Principal: { AWS: '123456789012' } })) },
  { name: 'user arn', expected: 'valid', policy: trust(allow({ Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' } })) },
  { name: 'role arn with path', expected: 'valid', policy: trust(allow({ Principal: { AWS: 'arn:aws:iam::123456789012:role/ops/Admin' } })) },
  { name: 'assumed-role session', expected: 'valid', policy: trust(allow({ Principal: { AWS: 'arn:aws:sts::123456789012:assumed-role/Admin/alice' } })) },
  { name: 'service principal', expected: 'valid', policy: trust(allow({ Principal: { Service: 'ec2.amazonaws.com' } })) },
  { name: 'two services', expected: 'valid', policy: trust(allow({ Principal: { Service: ['ecs-tasks.amazonaws.com', 'lambda.amazonaws.com'] } })) },
  {
    name: 'saml provider',
    expected: 'valid',
    policy: trust(allow({ Principal: { Federated: SAML }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } })),
  },
  {
    name: 'github oidc',
    expected: 'valid',
    policy: trust(allow({
      Principal: { Federated: GITHUB },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:*' } },
    })),
  },
  {
    name: 'google web identity',
    expected: 'valid',
    policy: trust(allow({ Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'accounts.google.com:aud': 'app-id' } } })),
  },
  { name: 'external id', expected: 'valid', policy: trust(allow({ Condition: { StringEquals: { 'sts:ExternalId': 'Unique1234' } } })) },
  { name: 'mfa condition', expected: 'valid', policy: trust(allow({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })) },
  { name: 'legacy version', expected: 'valid', policy: { Version: '2008-10-17', Statement: [allow()] } },
  { name: 'no version', expected: 'valid', policy: { Statement: [allow()] } },
  { name: 'statement object', expected: 'valid', policy: { Version: '2012-10-17', Statement: allow() } },
  { name: 'assume and tag', expected: 'valid', policy: trust(allow({ Action: ['sts:AssumeRole', 'sts:TagSession'] })) },
  { name: 'allow and deny', expected: 'valid', policy: trust(allow(), { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::123456789012:user/mallory' }, Action: 'sts:AssumeRole' }) },
  { name: 'anyone in the organization', expected: 'valid', policy: trust(allow({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })) },
  { name: 'action case', expected: 'valid', policy: trust(allow({ Action: 'STS:assumerole' })) },
  { name: 'sid', expected: 'valid', policy: trust(allow({ Sid: 'TrustDevAccount1' })) },
  { name: 'sts wildcard', expected: 'valid', policy: trust(allow({ Action: 'sts:*' })) },
  { name: 'condition if exists', expected: 'valid', policy: trust(allow({ Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'x' } } })) },
  { name: 'lower-case effect', expected: 'invalid', policy: trust(allow({ Effect: 'allow' })) },
  { name: 'date as version', expected: 'invalid', policy: { Version: '2012-10-18', Statement: [allow()] } },
  { name: 'resource in trust policy', expected: 'invalid', policy: trust(allow({ Resource: '*' })) },
  { name: 'not principal', expected: 'invalid', policy: trust({ Effect: 'Deny', NotPrincipal: ROOT, Action: 'sts:AssumeRole' }) },
  { name: 'bare wildcard principal', expected: 'invalid', policy: trust(allow({ Principal: '*' })) },
  { name: 'lower-case principal key', expected: 'invalid', policy: trust(allow({ Principal: { aws: '123456789012' } })) },
  { name: 'short account id', expected: 'invalid', policy: trust(allow({ Principal: { AWS: '12345' } })) },
  { name: 'service without domain', expected: 'invalid', policy: trust(allow({ Principal: { Service: 'ec2' } })) },
  { name: 's3 action in trust policy', expected: 'invalid', policy: trust(allow({ Action: 's3:GetObject' })) },
  { name: 'misspelled action', expected: 'invalid', policy: trust(allow({ Action: 'sts:AssumeRoles' })) },
  { name: 'action without prefix', expected: 'invalid', policy: trust(allow({ Action: 'AssumeRole' })) },
  { name: 'missing principal', expected: 'invalid', policy: trust({ Effect: 'Allow', Action: 'sts:AssumeRole' }) },
  { name: 'missing action', expected: 'invalid', policy: trust({ Effect: 'Allow', Principal: ROOT }) },
  { name: 'missing effect', expected: 'invalid', policy: trust({ Principal: ROOT, Action: 'sts:AssumeRole' }) },
  { name: 'empty statement', expected: 'invalid', policy: { Version: '2012-10-17', Statement: [] } },
  { name: 'no statement', expected: 'invalid', policy: { Version: '2012-10-17' } },
  { name: 'sid with spaces', expected: 'invalid', policy: trust(allow({ Sid: 'Trust dev account' })) },
  { name: 'duplicate sids', expected: 'invalid', policy: trust(allow({ Sid: 'Trust' }), allow({ Sid: 'Trust', Principal: { AWS: '111122223333' } })) },
  { name: 'misspelled operator', expected: 'invalid', policy: trust(allow({ Condition: { StringEqual: { 'sts:ExternalId': 'x' } } })) },
  { name: 'action and not action', expected: 'invalid', policy: trust(allow({ NotAction: 'sts:TagSession' })) },
  { name: 'misspelled statement', expected: 'invalid', policy: { Version: '2012-10-17', Statements: [allow()] } },
  { name: 'misspelled principal element', expected: 'invalid', policy: trust({ Effect: 'Allow', Principals: ROOT, Action: 'sts:AssumeRole' }) },
  { name: 'group principal', expected: 'invalid', policy: trust(allow({ Principal: { AWS: 'arn:aws:iam::123456789012:group/Devs' } })) },
  { name: 'partial wildcard principal', expected: 'invalid', policy: trust(allow({ Principal: { AWS: 'arn:aws:iam::123456789012:role/*' } })) },
  { name: 'principal as string', expected: 'invalid', policy: trust(allow({ Principal: 'arn:aws:iam::123456789012:root' })) },
  { name: 'null if exists', expected: 'invalid', policy: trust(allow({ Condition: { NullIfExists: { 'sts:ExternalId': 'false' } } })) },
  { name: 'saml action for account', expected: 'invalid', policy: trust(allow({ Action: 'sts:AssumeRoleWithSAML' })) },
  { name: 'service under aws key', expected: 'invalid', policy: trust(allow({ Principal: { AWS: 'ec2.amazonaws.com' } })) },
  { name: 'boolean effect', expected: 'invalid', policy: trust(allow({ Effect: true })) },
  { name: 'lower-case service', expected: 'valid', policy: trust(allow({ Principal: { Service: 'lambda.amazonaws.com' }, Action: ['sts:AssumeRole'] })) },
];

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
