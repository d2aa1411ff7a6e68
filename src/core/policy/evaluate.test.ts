import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluatePolicy, grantsBeyond, validatePolicy, type NormalizedPolicy } from './index.ts';

function policyOf(text: string): NormalizedPolicy {
  const { policy } = validatePolicy(text);
  assert.ok(policy, 'text parses to a policy');
  return policy;
}

const ACCOUNT_TRUST = policyOf(
  '{"Version": "2012-10-17", "Statement": [{"Sid": "Trust", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
);

test('normalize reads account IDs as root ARNs', () => {
  const [statement] = ACCOUNT_TRUST.statements;
  assert.deepEqual(statement?.principals, [{ type: 'AWS', value: 'arn:aws:iam::111122223333:root' }]);
  assert.deepEqual(statement?.actions, ['sts:assumerole']);
  assert.equal(ACCOUNT_TRUST.version, '2012-10-17');
});

test('evaluate allows the trusted account', () => {
  const result = evaluatePolicy(ACCOUNT_TRUST, { principal: 'arn:aws:iam::111122223333:root', action: 'sts:AssumeRole' });
  assert.deepEqual(result, { decision: 'allow', statement: 0, sid: 'Trust', conditional: false });
});

test('evaluate account root covers its roles', () => {
  const result = evaluatePolicy(ACCOUNT_TRUST, { principal: 'arn:aws:iam::111122223333:role/Dev', action: 'STS:assumerole' });
  assert.equal(result.decision, 'allow');
});

test('evaluate denies other accounts implicitly', () => {
  const result = evaluatePolicy(ACCOUNT_TRUST, { principal: '444455556666', action: 'sts:AssumeRole' });
  assert.deepEqual(result, { decision: 'implicit-deny', conditional: false });
});

test('evaluate denies other actions implicitly', () => {
  assert.equal(evaluatePolicy(ACCOUNT_TRUST, { principal: '111122223333', action: 'sts:TagSession' }).decision, 'implicit-deny');
});

test('evaluate explicit deny wins', () => {
  const policy = policyOf(`{"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:*"},
    {"Sid": "NoTags", "Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:user/mallory"}, "Action": "sts:Tag*"}]}`);
  const denied = evaluatePolicy(policy, { principal: 'arn:aws:iam::111122223333:user/mallory', action: 'sts:TagSession' });
  assert.deepEqual(denied, { decision: 'explicit-deny', statement: 1, sid: 'NoTags', conditional: false });
  const allowed = evaluatePolicy(policy, { principal: 'arn:aws:iam::111122223333:user/mallory', action: 'sts:AssumeRole' });
  assert.equal(allowed.decision, 'allow');
});

test('evaluate question mark matches one character', () => {
  const policy = policyOf('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRol?"}]}');
  assert.equal(evaluatePolicy(policy, { principal: '111122223333', action: 'sts:AssumeRole' }).decision, 'allow');
  assert.equal(evaluatePolicy(policy, { principal: '111122223333', action: 'sts:AssumeRoleWithSAML' }).decision, 'implicit-deny');
});

test('evaluate principals take no partial wildcards', () => {
  const policy = policyOf('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/*"}, "Action": "sts:AssumeRole"}]}');
  assert.equal(evaluatePolicy(policy, { principal: 'arn:aws:iam::111122223333:role/Dev', action: 'sts:AssumeRole' }).decision, 'implicit-deny');
});

test('evaluate NotPrincipal in Deny spares listed', () => {
  const policy = policyOf(`{"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}},
    {"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}`);
  const listed = evaluatePolicy(policy, { principal: '111122223333', action: 'sts:AssumeRole' });
  assert.deepEqual(listed, { decision: 'allow', statement: 0, conditional: true });
  assert.equal(evaluatePolicy(policy, { principal: '444455556666', action: 'sts:AssumeRole' }).decision, 'explicit-deny');
});

test('evaluate NotAction allows unlisted actions', () => {
  const policy = policyOf('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "NotAction": "sts:TagSession"}]}');
  assert.equal(evaluatePolicy(policy, { principal: 'ec2.amazonaws.com', action: 'sts:AssumeRole' }).decision, 'allow');
  assert.equal(evaluatePolicy(policy, { principal: 'ec2.amazonaws.com', action: 'sts:TagSession' }).decision, 'implicit-deny');
});

test('evaluate prefers an unconditional allow', () => {
  const policy = policyOf(`{"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
    {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}`);
  assert.deepEqual(evaluatePolicy(policy, { principal: '111122223333', action: 'sts:AssumeRole' }), { decision: 'allow', statement: 1, conditional: false });
});

test('grantsBeyond is empty for the expected grant', () => {
  const beyond = grantsBeyond(ACCOUNT_TRUST, { principals: ['arn:aws:iam::111122223333:root'], actions: ['sts:AssumeRole'] });
  assert.deepEqual(beyond, { principals: [], actions: [], statements: [] });
});

test('grantsBeyond lists extra principals and expanded actions', () => {
  const policy = policyOf(`{"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"},
    {"Effect": "Allow", "Principal": {"AWS": ["111122223333", "*"]}, "Action": "sts:TagS*"},
    {"Effect": "Deny", "Principal": {"AWS": "444455556666"}, "Action": "sts:*"}]}`);
  const beyond = grantsBeyond(policy, { principals: ['111122223333'], actions: ['sts:AssumeRole'] });
  assert.deepEqual(beyond.principals, ['*']);
  assert.deepEqual(beyond.actions, ['sts:tagsession']);
  assert.deepEqual(beyond.statements, [1]);
});

test('grantsBeyond counts NotAction and NotPrincipal', () => {
  const policy = policyOf('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "NotAction": "sts:TagSession"}]}');
  const beyond = grantsBeyond(policy, { principals: ['111122223333'], actions: ['sts:AssumeRole'] });
  assert.deepEqual(beyond, { principals: ['*'], actions: ['*'], statements: [0] });
});

test('grantsBeyond keeps cross-service wildcards', () => {
  const policy = policyOf('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "*"}]}');
  assert.deepEqual(grantsBeyond(policy, { principals: ['111122223333'], actions: ['sts:AssumeRole'] }).actions, ['*']);
});

const NEVER_MET_TRUST = policyOf(
  '{"Version": "2012-10-17", "Statement": [{"Sid": "MfaOnly", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "maybe"}}}]}',
);

test('evaluate skips an Allow never met', () => {
  const result = evaluatePolicy(NEVER_MET_TRUST, { principal: '111122223333', action: 'sts:AssumeRole' });
  assert.deepEqual(result, {
    decision: 'implicit-deny',
    conditional: false,
    neverMet: { statement: 0, sid: 'MfaOnly', operator: 'Bool', key: 'aws:MultiFactorAuthPresent' },
  });
});

test('evaluate skips a Deny never met', () => {
  const policy = policyOf(
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}, {"Effect": "Deny", "Principal": "*", "Action": "sts:*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "-1"}}}]}',
  );
  const result = evaluatePolicy(policy, { principal: '111122223333', action: 'sts:AssumeRole' });
  assert.equal(result.decision, 'allow');
  assert.equal(result.statement, 0);
});

test('grants beyond ignore an Allow never met', () => {
  const policy = policyOf(
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:*", "Condition": {"Bool": {"aws:SecureTransport": "yes"}}}]}',
  );
  assert.deepEqual(grantsBeyond(policy, { principals: ['111122223333'], actions: ['sts:AssumeRole'] }), {
    principals: [],
    actions: [],
    statements: [],
  });
});
