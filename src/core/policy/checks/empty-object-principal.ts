import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'EMPTY_OBJECT_PRINCIPAL';
export const severity: Severity = 'suggestion';
export const description = 'Principal or NotPrincipal is an empty object, so it names no principal.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Principal', 'NotPrincipal']) {
      const member = statement.object.get(name);
      if (member?.value.type === 'Object' && member.value.members.length === 0) {
        context.report(member.value, member.path, { element: name });
      }
    }
  }
}
