import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { isAllow, objectStatements } from '../document.ts';

export const code = 'ALLOW_WITH_NOT_PRINCIPAL';
export const severity: Severity = 'security-warning';
export const description = 'An Allow statement uses NotPrincipal, which grants access to everyone not listed, including anonymous users.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const member = statement.object.get('NotPrincipal');
    if (member && isAllow(statement)) context.report(member.node.name, member.path, {});
  }
}
