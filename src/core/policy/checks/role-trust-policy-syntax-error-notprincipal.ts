import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL';
export const severity: Severity = 'error';
export const description = 'A role trust policy uses NotPrincipal, which IAM does not accept there.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    const member = statement.object.get('NotPrincipal');
    if (member) context.report(member.node.name, member.path, {});
  }
}
