import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, isAllow, objectStatements } from '../document.ts';
import { normalizePrincipals } from '../normalize.ts';

export const code = 'MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL';
export const severity: Severity = 'security-warning';
export const description = 'An OIDC provider is trusted without a condition on one of its own keys (such as PROVIDER:aud or PROVIDER:sub).';

/** Returns the provider URL that prefixes its condition keys: the host and path of an oidc-provider ARN, or the domain itself. */
export function oidcProviderHost(value: string): string | undefined {
  const arn = /^arn:[\w-]+:iam::\d{12}:oidc-provider\/(.+)$/.exec(value);
  if (arn) return arn[1];
  if (value.startsWith('arn:')) return undefined;
  return value;
}

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    const principal = statement.object.get('Principal');
    if (!principal || !isAllow(statement)) continue;
    const keys = conditionEntries(statement).entries.map((entry) => entry.key.toLowerCase());
    for (const entry of normalizePrincipals(principal)) {
      const host = entry.type === 'Federated' ? oidcProviderHost(entry.value) : undefined;
      if (!host || host === 'token.actions.githubusercontent.com') continue;
      if (!keys.some((key) => key.startsWith(`${host.toLowerCase()}:`))) {
        context.report(principal.value, principal.path, { provider: host });
      }
    }
  }
}
