import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { isEmptyArray, objectStatements } from '../document.ts';

export const code = 'EMPTY_ARRAY_RESOURCE';
export const severity: Severity = 'suggestion';
export const description = 'Resource or NotResource of an identity policy is an empty array, so the statement applies to nothing.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'identity') return;
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Resource', 'NotResource']) {
      const member = statement.object.get(name);
      if (member && isEmptyArray(member)) context.report(member.value, member.path, { element: name });
    }
  }
}
