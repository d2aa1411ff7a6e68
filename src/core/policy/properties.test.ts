// Property tests of the policy validator over generated hostile and valid
// input. fast-check prints the seed and path of a failing run; keep such a
// case as a literal test in bad-input.test.ts and fix the validator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findingSpanProblem, withinTimeLimit, randomText } from '../property-testing.ts';
import { validatePolicy } from './index.ts';
import type { PolicyKind, PolicyValidation } from './types.ts';

const RUNS = 300;

// The first validation loads the IAM catalogue; that one-time cost is not timed.
validatePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}');

function validate(text: string, kind: PolicyKind = 'trust'): PolicyValidation {
  return withinTimeLimit(() => validatePolicy(text, { kind }), `validatePolicy of ${text.length} characters`);
}

function assertSpansInside(text: string, result: PolicyValidation): void {
  const internal = result.findings.find((finding) => finding.code === 'INTERNAL_ERROR');
  assert.equal(internal, undefined, `a check threw on ${JSON.stringify(text.slice(0, 200))}`);
  for (const finding of result.findings) {
    assert.equal(findingSpanProblem(text, finding), undefined, JSON.stringify(text.slice(0, 200)));
  }
}

const principal = fc.oneof(
  fc.record({ AWS: fc.constantFrom('arn:aws:iam::123456789012:root', '123456789012', 'arn:aws:iam::111122223333:user/Alice') }),
  fc.record({ Service: fc.constantFrom('ec2.amazonaws.com', 'lambda.amazonaws.com') }),
);
const condition = fc.constantFrom(
  undefined,
  { StringEquals: { 'sts:ExternalId': 'lab-1234' } },
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
);
const statement = fc
  .record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    Principal: principal,
    Action: fc.constantFrom('sts:AssumeRole', ['sts:AssumeRole', 'sts:TagSession']),
    Condition: condition,
  })
  .map(({ Condition, ...rest }) => (Condition ? { ...rest, Condition } : rest));
const trustPolicy = fc
  .array(statement, { minLength: 1, maxLength: 3 })
  .map((Statement) => ({ Version: '2012-10-17', Statement }));

/** Whitespace that JSON allows between tokens. */
const jsonSpace = fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n', '  '), { maxLength: 3 }).map((parts) => parts.join(''));

/** Inserts `spaces[i]` after the i-th structural character of compact JSON, never inside a string. */
function respace(compact: string, spaces: readonly string[]): string {
  let out = '';
  let inString = false;
  let next = 0;
  for (let i = 0; i < compact.length; i += 1) {
    const char = compact[i] ?? '';
    out += char;
    if (inString) {
      if (char === '\\') out += compact[++i] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if ('{}[]:,'.includes(char)) out += spaces[next++ % spaces.length] ?? '';
  }
  return out;
}

/** Returns `value` without its `span` keys, which move when the text is reformatted. */
function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'span').map(([key, item]) => [key, withoutSpans(item)]));
}

test('random text never throws', () => {
  fc.assert(
    fc.property(randomText, (text) => {
      assertSpansInside(text, validate(text));
    }),
    { numRuns: RUNS },
  );
});

test('random JSON never throws', () => {
  fc.assert(
    fc.property(fc.json({ maxDepth: 6 }), fc.constantFrom<PolicyKind>('trust', 'identity'), (text, kind) => {
      assertSpansInside(text, validate(text, kind));
    }),
    { numRuns: RUNS },
  );
});

/** Pieces of policy JSON, so that random sequences reach the checks behind the parser. */
const POLICY_TOKENS = [
  '{', '}', '[', ']', ':', ',', ' ', '\n', '"Version"', '"2012-10-17"', '"2008-10-17"', '"Statement"', '"Sid"',
  '"Effect"', '"Allow"', '"Deny"', '"Principal"', '"NotPrincipal"', '"AWS"', '"Service"', '"Federated"', '"*"',
  '"Action"', '"NotAction"', '"sts:AssumeRole"', '"sts:*"', '"iam:Get*"', '"Resource"', '"arn:aws:iam::123456789012:root"',
  '"Condition"', '"StringEquals"', '"StringLike"', '"ForAllValues:StringEquals"', '"Null"', '"IfExists"',
  '"aws:PrincipalTag/x"', '"sts:ExternalId"', '"token.actions.githubusercontent.com:sub"', '1', '-0.5e3', 'true',
  'null', '"\\u0000"', '"\\ud800"', '"\u00e9"', '"\\"', '"', '\u2028', '\u0000',
];

test('policy token soup never throws', () => {
  const soup = fc.array(fc.constantFrom(...POLICY_TOKENS), { maxLength: 120 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(soup, fc.constantFrom<PolicyKind>('trust', 'identity'), (text, kind) => {
      assertSpansInside(text, validate(text, kind));
    }),
    { numRuns: RUNS * 3 },
  );
});

const POLICY_KEYS = [
  'Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'AWS', 'Service', 'Federated',
  'CanonicalUser', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'StringEquals', 'StringLike',
  'ForAnyValue:StringLike', 'ForAllValues:StringEquals', 'NullIfExists', 'Null', 'DateGreaterThan', 'Bool',
  'aws:SourceIp', 'aws:PrincipalArn', 'sts:ExternalId', 'token.actions.githubusercontent.com:aud', 'effect',
];
const POLICY_VALUES = [
  '2012-10-17', '2008-10-17', 'Allow', 'Deny', 'allow', '*', 'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity',
  'sts:*', 's3:Get*', 'iam:PassRole', 'arn:aws:iam::123456789012:root', '123456789012', 'arn:aws:iam::*:role/x',
  'ec2.amazonaws.com', 'cognito-identity.amazonaws.com', 'arn:aws:iam::123456789012:oidc-provider/x', '', ' ',
  'true', '10.0.0.0/8', '2020-01-01T00:00:00Z', '\u0000', '\ud83d',
];

/** JSON objects built from the policy grammar's keys and values, nested at random. */
const policyShaped: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(...POLICY_VALUES, 1, 0, true, null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...POLICY_KEYS), tie('node'), { maxKeys: 5 }),
  ),
})).node;

test('policy-shaped JSON never throws', () => {
  const document = fc.dictionary(fc.constantFrom(...POLICY_KEYS), policyShaped, { maxKeys: 4 });
  const withStatement = fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: policyShaped });
  fc.assert(
    fc.property(fc.oneof(document, withStatement), fc.constantFrom<PolicyKind>('trust', 'identity'), (value, kind) => {
      const text = JSON.stringify(value, null, 1);
      assertSpansInside(text, validate(text, kind));
    }),
    { numRuns: RUNS * 3 },
  );
});

test('damaged policy never throws', () => {
  const damage = fc.array(
    fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.string({ unit: 'grapheme', maxLength: 4 }) }),
    { minLength: 1, maxLength: 5 },
  );
  fc.assert(
    fc.property(trustPolicy, damage, (policy, edits) => {
      let text = JSON.stringify(policy, null, 2);
      for (const { at, remove, insert } of edits) {
        const index = at % (text.length + 1);
        text = text.slice(0, index) + insert + text.slice(index + remove);
      }
      assertSpansInside(text, validate(text));
    }),
    { numRuns: RUNS },
  );
});

test('valid policy stays valid when reformatted', () => {
  fc.assert(
    fc.property(trustPolicy, fc.array(jsonSpace, { minLength: 1, maxLength: 20 }), (policy, spaces) => {
      const compact = JSON.stringify(policy);
      const before = validate(compact);
      assert.equal(before.valid, true, `${compact}: ${before.findings.map((finding) => finding.code).join(', ')}`);

      const reformatted = respace(compact, spaces);
      const after = validate(reformatted);
      assert.equal(after.valid, true, JSON.stringify(reformatted));
      assert.deepEqual(
        after.findings.map((finding) => finding.code),
        before.findings.map((finding) => finding.code),
      );
      assert.deepEqual(withoutSpans(after.policy), withoutSpans(before.policy));
      assertSpansInside(reformatted, after);
    }),
    { numRuns: RUNS },
  );
});
