import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL';
export const severity: Severity = 'error';
export const description = 'A role trust policy has "Principal": "*", which IAM rejects there ({"AWS": "*"} is accepted but lets anyone assume the role).';

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    const principal = statement.object.get('Principal');
    if (principal?.value.type === 'String' && principal.value.value === '*') context.report(principal.value, principal.path, {});
  }
}
