import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { isEmptyArray, objectStatements } from '../document.ts';

export const code = 'EMPTY_ARRAY_ACTION';
export const severity: Severity = 'suggestion';
export const description = 'Action or NotAction is an empty array, so the statement grants or denies nothing.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Action', 'NotAction']) {
      const member = statement.object.get(name);
      if (member && isEmptyArray(member)) context.report(member.value, member.path, { element: name });
    }
  }
}
