import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';

export const code = 'EMPTY_ARRAY_CONDITION';
export const severity: Severity = 'suggestion';
export const description = 'A condition key has an empty array of values.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const entry of conditionEntries(statement).entries) {
      if (entry.value.type === 'Array' && entry.value.elements.length === 0) {
        context.report(entry.value, entry.keyPath, { key: entry.key, operator: entry.operator });
      }
    }
  }
}
