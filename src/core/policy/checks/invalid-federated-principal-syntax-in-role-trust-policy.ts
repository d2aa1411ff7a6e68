import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, principalEntries } from '../document.ts';
import { classifyFederatedPrincipal, hasWildcard } from '../principals.ts';

export const code = 'INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY';
export const severity: Severity = 'error';
export const description = 'A Federated principal is neither an identity provider domain name nor an IAM saml-provider or oidc-provider ARN.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const { key, values } of principalEntries(statement, ['Principal'])) {
      if (key !== 'Federated') continue;
      for (const entry of values) {
        const reason = hasWildcard(entry.value) ? undefined : classifyFederatedPrincipal(entry.value);
        if (reason) context.report(entry.node, entry.path, { reason, value: entry.value });
      }
    }
  }
}
