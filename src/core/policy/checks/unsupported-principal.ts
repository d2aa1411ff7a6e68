import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'UNSUPPORTED_PRINCIPAL';
export const severity: Severity = 'error';
export const description = 'An identity policy has a Principal or NotPrincipal element; its principal is the identity it is attached to.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'identity') return;
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Principal', 'NotPrincipal']) {
      const member = statement.object.get(name);
      if (member) context.report(member.node.name, member.path, { element: name });
    }
  }
}
