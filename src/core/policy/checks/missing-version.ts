import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';

export const code = 'MISSING_VERSION';
export const severity: Severity = 'warning';
export const description = 'The policy has no Version, so IAM reads it as the 2008-10-17 language, without policy variables.';

export function check(context: PolicyContext): void {
  const root = context.document?.root;
  if (!root || root.get('Version')) return;
  context.report(root.node, '', {});
}
