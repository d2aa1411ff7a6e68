import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';
import { normalizePrincipalValue, PRINCIPAL_KEYS, type PrincipalKey } from '../principals.ts';

export const code = 'REDUNDANT_PRINCIPAL';
export const severity: Severity = 'suggestion';
export const description = 'A statement names the same principal twice, for example an account ID and its :root ARN, or "*" next to other AWS principals.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const member = statement.object.get('Principal');
    if (member?.value.type !== 'Object') continue;
    for (const entry of member.value.members) {
      const key = entry.name.type === 'String' ? entry.name.value : '';
      if (!(PRINCIPAL_KEYS as readonly string[]).includes(key)) continue;
      const values = stringValues({ name: key, node: entry, value: entry.value, path: `${member.path}.${key}` });
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
