import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';

export const code = 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA';
export const severity: Severity = 'error';
export const description =
  'A role trust policy has more characters, excluding whitespace, than the quota (2,048 by default, adjustable up to 4,096).';

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust' || context.scan.nonWhitespace <= context.sizeQuota) return;
  context.report({ start: 0, end: 0 }, undefined, { size: context.scan.nonWhitespace, quota: context.sizeQuota });
}
