/**
 * Trust policies with the verdict that IAM reaches when a role is created
 * with each of them, for the differential test against cfn-lint and the
 * CLI tests. Each verdict is settled by an IAM rule, not by a tool.
 */
export type Verdict = 'valid' | 'invalid';

export interface CorpusEntry {
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

export const TRUST_POLICY_CORPUS: CorpusEntry[] = [
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

