import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, principalEntries } from '../document.ts';
import { normalizePrincipalValue, PRINCIPAL_KEYS, type PrincipalKey } from '../principals.ts';

export const code = 'REDUNDANT_PRINCIPAL';
export const severity: Severity = 'suggestion';
export const description = 'A statement names the same principal twice, for example an account ID and its :root ARN, or "*" next to other AWS principals.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const { key, values } of principalEntries(statement, ['Principal'])) {
      if (!(PRINCIPAL_KEYS as readonly string[]).includes(key)) continue;
      const hasAny = key === 'AWS' && values.some((value) => value.value === '*');
      const seen = new Map<string, string>();
      for (const value of values) {
        const normalized = normalizePrincipalValue(key as PrincipalKey, value.value);
        const id = key === 'Service' ? normalized.toLowerCase() : normalized;
        const duplicateOf = seen.get(id) ?? (hasAny && value.value !== '*' ? '*' : undefined);
        if (duplicateOf !== undefined) context.report(value.node, value.path, { principal: value.value, duplicateOf });
        if (!seen.has(id)) seen.set(id, value.value);
      }
    }
  }
}
