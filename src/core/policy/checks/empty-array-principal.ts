import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { isEmptyArray, objectStatements, principalEntries } from '../document.ts';

export const code = 'EMPTY_ARRAY_PRINCIPAL';
export const severity: Severity = 'suggestion';
export const description = 'A principal key has an empty array, so it names no principal.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const { key, member } of principalEntries(statement)) {
      if (isEmptyArray(member)) context.report(member.value, member.path, { key });
    }
  }
}
