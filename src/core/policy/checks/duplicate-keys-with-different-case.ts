import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';

export const code = 'DUPLICATE_KEYS_WITH_DIFFERENT_CASE';
export const severity: Severity = 'error';
export const description = 'One condition operator has the same condition key twice in different capitalization; key names are case-insensitive.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const seen = new Map<string, string>();
    for (const entry of conditionEntries(statement).entries) {
      const id = `${entry.operatorPath}\u0000${entry.key.toLowerCase()}`;
      const first = seen.get(id);
      if (first !== undefined && first !== entry.key) context.report(entry.keyNode.name, entry.keyPath, { key: entry.key, first });
      if (first === undefined) seen.set(id, entry.key);
    }
  }
}
