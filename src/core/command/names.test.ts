import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeMatches, similarity, xformName } from './names.ts';

test('xformName matches botocore', () => {
  // Expected values are botocore's xform_name(name, '-') output.
  const cases: Array<[string, string]> = [
    ['ListMFADevices', 'list-mfa-devices'],
    ['AssumeRole', 'assume-role'],
    ['GetCallerIdentity', 'get-caller-identity'],
    ['PolicyARNs', 'policy-arns'],
    ['CreateSAMLProvider', 'create-saml-provider'],
    ['DescribeDBInstances', 'describe-db-instances'],
    ['ListObjectsV2', 'list-objects-v2'],
    ['PutBucketACL', 'put-bucket-acl'],
    ['SSEKMSKeyId', 'ssekms-key-id'],
    ['DescribeCachediSCSIVolumes', 'describe-cached-iscsi-volumes'],
    ['TagKeys', 'tag-keys'],
    ['already-done', 'already-done'],
  ];
  for (const [name, expected] of cases) assert.equal(xformName(name), expected, name);
});

test('similarity matches difflib ratio', () => {
  assert.equal(similarity('iam', 'iamm'), 6 / 7);
  assert.equal(similarity('role-session-name', 'role-sesion-name'), 32 / 33);
  assert.equal(similarity('', ''), 1);
  assert.equal(similarity('abc', 'xyz'), 0);
});

test('closeMatches matches get_close_matches', () => {
  assert.deepEqual(closeMatches('stss', ['sts', 'ssm', 'sso', 's3', 'iam']), ['sts']);
  assert.deepEqual(closeMatches('asume-role', ['assume-role', 'assume-role-with-saml', 'get-caller-identity']), [
    'assume-role',
    'assume-role-with-saml',
  ]);
  assert.deepEqual(closeMatches('x'.repeat(300), ['x']), []);
});
