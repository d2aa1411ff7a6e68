import type { Severity } from '../../findings.ts';
import { conditionKeyType } from '../catalogue/catalogue.ts';
import { parseOperator } from '../conditions.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';

export const code = 'FORALLVALUES_WITH_SINGLE_VALUED_KEY';
export const severity: Severity = 'security-warning';
export const description = 'ForAllValues: is used with a single-valued condition key, so the condition is also true when the key is absent.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const entry of conditionEntries(statement).entries) {
      if (parseOperator(entry.operator)?.set !== 'ForAllValues') continue;
      const type = conditionKeyType(entry.key);
      if (type && !type.startsWith('ArrayOf')) context.report(entry.keyNode.name, entry.keyPath, { key: entry.key, type });
    }
  }
}
