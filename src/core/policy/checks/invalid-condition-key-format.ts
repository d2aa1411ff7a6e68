import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';

export const code = 'INVALID_CONDITION_KEY_FORMAT';
export const severity: Severity = 'error';
export const description = 'A condition key is not in the form prefix:name, such as aws:SourceIp or sts:ExternalId.';

export function isConditionKeyFormat(key: string): boolean {
  return /^[^:\s]+:[^\s]+$/.test(key);
}

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const entry of conditionEntries(statement).entries) {
      if (!isConditionKeyFormat(entry.key)) context.report(entry.keyNode.name, entry.keyPath, { key: entry.key });
    }
  }
}
