import type { Severity } from '../../findings.ts';
import { conditionKeyType, conditionKeysOf, findService } from '../catalogue/catalogue.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';
import { closest } from '../suggest.ts';
import { isConditionKeyFormat } from './invalid-condition-key-format.ts';

export const code = 'INVALID_SERVICE_CONDITION_KEY';
export const severity: Severity = 'warning';
export const description =
  'A service condition key (such as sts:ExternalId) is not in the catalogue, or its prefix is neither a service nor an identity provider.';

/** Keys of an OIDC provider are named after its URL (`oidc.eks.us-east-1.amazonaws.com/id/ID:sub`), so any host-like prefix is accepted. */
function isIdentityProviderPrefix(prefix: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[\w.~%-]+)*$/i.test(prefix);
}

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const entry of conditionEntries(statement).entries) {
      if (!isConditionKeyFormat(entry.key)) continue;
      const prefix = entry.key.slice(0, entry.key.indexOf(':'));
      if (prefix.toLowerCase() === 'aws' || conditionKeyType(entry.key) !== undefined) continue;
      const service = findService(prefix);
      if (!service && isIdentityProviderPrefix(prefix)) continue;
      const data: Record<string, unknown> = { key: entry.key, service: prefix, knownService: service !== undefined };
      const suggestion = service ? closest(entry.key, conditionKeysOf(prefix), 3) : undefined;
      if (suggestion) data.suggestion = suggestion;
      context.report(entry.keyNode.name, entry.keyPath, data);
    }
  }
}
