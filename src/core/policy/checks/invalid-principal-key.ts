import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, principalEntries } from '../document.ts';
import { PRINCIPAL_KEYS } from '../principals.ts';
import { closest } from '../suggest.ts';

export const code = 'INVALID_PRINCIPAL_KEY';
export const severity: Severity = 'error';
export const description = 'A key in Principal is not one of AWS, Service, Federated or CanonicalUser (case-sensitive).';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const { key, member } of principalEntries(statement)) {
      if ((PRINCIPAL_KEYS as readonly string[]).includes(key)) continue;
      const suggestion = PRINCIPAL_KEYS.find((name) => name.toLowerCase() === key.toLowerCase()) ?? closest(key, PRINCIPAL_KEYS, 3);
      context.report(member.node.name, member.path, suggestion ? { key, suggestion } : { key });
    }
  }
}
