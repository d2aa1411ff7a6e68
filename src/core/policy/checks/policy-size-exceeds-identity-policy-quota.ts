import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';

export const code = 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA';
export const severity: Severity = 'warning';
export const description =
  'An identity policy has more characters, excluding whitespace, than the quota (6,144 for a managed policy by default).';

export function check(context: PolicyContext): void {
  if (context.kind !== 'identity' || context.scan.nonWhitespace <= context.sizeQuota) return;
  context.report({ start: 0, end: 0 }, undefined, { size: context.scan.nonWhitespace, quota: context.sizeQuota });
}
