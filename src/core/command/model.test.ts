import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceIndexSchema, ServiceModelSchema, memberShape } from './model.ts';
import { CLI_SERVICES, SERVICE_MODELS } from './registry.ts';
import services from './models/services.ts';

test('committed models match the schema', () => {
  for (const [name, model] of Object.entries(SERVICE_MODELS)) {
    const parsed = ServiceModelSchema.safeParse(model);
    assert.ok(parsed.success, `${name}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`);
    assert.equal(model.cliName, name);
    assert.match(model.botocoreVersion, /^\d+\.\d+\.\d+/);
  }
  assert.ok(ServiceIndexSchema.safeParse(services).success);
});

test('every referenced shape is in the model', () => {
  for (const [name, model] of Object.entries(SERVICE_MODELS)) {
    const missing: string[] = [];
    for (const operation of Object.values(model.operations)) {
      if (operation.input && !model.shapes[operation.input]) missing.push(operation.input);
    }
    for (const shape of Object.values(model.shapes)) {
      const refs = shape.type === 'structure' ? Object.values(shape.members).map(memberShape)
        : shape.type === 'list' ? [shape.member]
        : shape.type === 'map' ? [shape.key, shape.value] : [];
      missing.push(...refs.filter((ref) => !model.shapes[ref]));
    }
    assert.deepEqual(missing, [], name);
  }
});

test('models keep the constraints of the lab operations', () => {
  const { iam, sts, s3api } = SERVICE_MODELS;
  assert.ok(iam);
  assert.ok(sts);
  assert.ok(s3api);
  assert.deepEqual(iam.shapes.CreateRoleRequest, {
    type: 'structure',
    members: {
      Path: 'pathType', RoleName: 'roleNameType', AssumeRolePolicyDocument: 'policyDocumentType',
      Description: 'roleDescriptionType', MaxSessionDuration: 'roleMaxSessionDurationType',
      PermissionsBoundary: 'arnType', Tags: 'tagListType',
    },
    required: ['RoleName', 'AssumeRolePolicyDocument'],
  });
  assert.deepEqual(iam.shapes.roleNameType, { type: 'string', min: 1, max: 64, pattern: '[\\w+=,.@-]+' });
  assert.deepEqual(iam.shapes.roleMaxSessionDurationType, { type: 'integer', min: 3600, max: 43200 });
  assert.deepEqual(sts.shapes.roleDurationSecondsType, { type: 'integer', min: 900, max: 43200 });
  assert.deepEqual(iam.operations.ListRoles?.paginator, { inputTokens: ['Marker'], limitKey: 'MaxItems' });
  assert.equal(s3api.serviceName, 's3');
  assert.equal(s3api.operations.GetObject?.streamingOutput, true);
});

test('service index lists the CLI command names', () => {
  for (const name of ['iam', 'sts', 's3api', 's3', 'ec2', 'configservice', 'deploy']) assert.ok(CLI_SERVICES.includes(name), name);
  assert.ok(!CLI_SERVICES.includes('config'));
});
