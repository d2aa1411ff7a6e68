import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neverMet } from './never-met.ts';

test('conditions that no request meets', () => {
  const cases: Array<[operator: string, key: string, values: string[], expected: boolean]> = [
    ['Bool', 'aws:MultiFactorAuthPresent', ['maybe'], true],
    ['Bool', 'aws:MultiFactorAuthPresent', ['true'], false],
    ['Bool', 'aws:MultiFactorAuthPresent', ['maybe', 'TRUE'], false],
    ['BoolIfExists', 'aws:MultiFactorAuthPresent', ['maybe'], false],
    ['ForAllValues:Bool', 'aws:MultiFactorAuthPresent', ['maybe'], false],
    ['ForAnyValue:Bool', 'aws:MultiFactorAuthPresent', ['maybe'], true],
    ['Bool', 'aws:MultiFactorAuthPresent', ['${aws:SecureTransport}'], false],
    ['NumericLessThan', 'aws:MultiFactorAuthAge', ['-1'], true],
    ['NumericLessThan', 'aws:MultiFactorAuthAge', ['0'], true],
    ['NumericLessThanEquals', 'aws:MultiFactorAuthAge', ['0'], false],
    ['NumericLessThanEquals', 'aws:multifactorauthage', ['-5'], true],
    ['NumericLessThan', 'aws:MultiFactorAuthAge', ['3600'], false],
    ['NumericLessThan', 'aws:MultiFactorAuthAge', ['soon'], true],
    ['NumericLessThan', 'sts:DurationSeconds', ['-1'], false],
    ['NumericGreaterThan', 'aws:MultiFactorAuthAge', ['-1'], false],
    ['DateGreaterThan', 'aws:CurrentTime', ['tomorrow'], true],
    ['DateGreaterThan', 'aws:CurrentTime', ['2026-12-31T00:00:00Z'], false],
    ['StringEquals', 'sts:ExternalId', ['maybe'], false],
    ['Bool', 'aws:MultiFactorAuthPresent', [], false],
    ['NotAnOperator', 'aws:MultiFactorAuthPresent', ['maybe'], false],
  ];
  for (const [operator, key, values, expected] of cases) {
    assert.equal(neverMet({ operator, key, values }), expected, `${operator} ${key} ${JSON.stringify(values)}`);
  }
});
