import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE';
export const severity: Severity = 'error';
export const description = 'A role trust policy has a Resource or NotResource element; the resource is always the role itself.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Resource', 'NotResource']) {
      const member = statement.object.get(name);
      if (member) context.report(member.node.name, member.path, { element: name });
    }
  }
}
