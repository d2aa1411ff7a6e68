import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { isAllow, objectStatements } from '../document.ts';
import { normalizePrincipals } from '../normalize.ts';

export const code = 'ANY_PRINCIPAL_WITHOUT_CONDITION';
export const severity: Severity = 'security-warning';
export const description = 'An Allow statement grants every principal ("*") with no Condition, so anyone in any AWS account may use it.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const principal = statement.object.get('Principal');
    if (!principal || !isAllow(statement)) continue;
    const condition = statement.object.get('Condition');
    if (condition?.value.type === 'Object' && condition.value.members.length > 0) continue;
    if (normalizePrincipals(principal).some((entry) => entry.type === '*')) {
      context.report(principal.value, principal.path, { kind: context.kind });
    }
  }
}
