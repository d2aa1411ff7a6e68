import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'EMPTY_ARRAY_PRINCIPAL';
export const severity: Severity = 'suggestion';
export const description = 'A principal key has an empty array, so it names no principal.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Principal', 'NotPrincipal']) {
      const member = statement.object.get(name);
      if (member?.value.type !== 'Object') continue;
      for (const entry of member.value.members) {
        if (entry.value.type === 'Array' && entry.value.elements.length === 0) {
          const key = entry.name.type === 'String' ? entry.name.value : '';
          context.report(entry.value, `${member.path}.${key}`, { key });
        }
      }
    }
  }
}
