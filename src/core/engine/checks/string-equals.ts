/** Grades a step whose value must be one exact string, diagnosing the near misses. */
import type { Finding } from '../../findings.ts';
import { valueSpan } from '../locate.ts';
import { nonStringFinding, stepFinding, type CheckContext } from './context.ts';

export function checkStringEquals(context: CheckContext, expected: string): Finding[] {
  const { value } = context.variable.assignment;
  const span = valueSpan(context.variable);

  if (value.kind === 'reference' && value.value === expected) {
    return [stepFinding(context, { code: 'STRING_UNQUOTED', severity: 'error', data: { name: value.value }, ...span })];
  }
  const notString = nonStringFinding(context);
  if (notString) return [notString];

  const actual = value.value as string;
  if (actual === expected) return [];

  const data = { actual, expected };
  if (actual.trim() === expected) {
    return [stepFinding(context, { code: 'STRING_WHITESPACE', severity: 'error', data, ...span })];
  }
  if (actual.trim().toLowerCase() === expected.toLowerCase()) {
    return [stepFinding(context, { code: 'STRING_CASE_MISMATCH', severity: 'error', data, ...span })];
  }
  return [stepFinding(context, { code: 'STRING_MISMATCH', severity: 'error', data, ...span })];
}
