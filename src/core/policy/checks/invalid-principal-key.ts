import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';
import { PRINCIPAL_KEYS } from '../principals.ts';
import { closest } from '../suggest.ts';

export const code = 'INVALID_PRINCIPAL_KEY';
export const severity: Severity = 'error';
export const description = 'A key in Principal is not one of AWS, Service, Federated or CanonicalUser (case-sensitive).';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Principal', 'NotPrincipal']) {
      const member = statement.object.get(name);
      if (member?.value.type !== 'Object') continue;
      for (const entry of member.value.members) {
        const key = entry.name.type === 'String' ? entry.name.value : '';
        if ((PRINCIPAL_KEYS as readonly string[]).includes(key)) continue;
        const suggestion = PRINCIPAL_KEYS.find((k) => k.toLowerCase() === key.toLowerCase()) ?? closest(key, PRINCIPAL_KEYS, 3);
        const data: Record<string, unknown> = { key };
        if (suggestion) data.suggestion = suggestion;
        context.report(entry.name, `${member.path}.${key}`, data);
      }
    }
  }
}
