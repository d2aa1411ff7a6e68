import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'EMPTY_SID_VALUE';
export const severity: Severity = 'suggestion';
export const description = 'A Sid is the empty string; give it a name or remove it.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const sid = statement.object.get('Sid');
    if (sid?.value.type === 'String' && sid.value.value === '') context.report(sid.value, sid.path, {});
  }
}
