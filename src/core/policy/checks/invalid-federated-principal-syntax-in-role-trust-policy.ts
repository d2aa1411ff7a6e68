import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';
import { classifyFederatedPrincipal, hasWildcard } from '../principals.ts';

export const code = 'INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY';
export const severity: Severity = 'error';
export const description = 'A Federated principal is neither an identity provider domain name nor an IAM saml-provider or oidc-provider ARN.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const member = statement.object.get('Principal');
    if (member?.value.type !== 'Object') continue;
    const federated = member.value.members.find((entry) => entry.name.type === 'String' && entry.name.value === 'Federated');
    if (!federated) continue;
    const path = `${member.path}.Federated`;
    for (const entry of stringValues({ name: 'Federated', node: federated, value: federated.value, path })) {
      if (hasWildcard(entry.value)) continue;
      const reason = classifyFederatedPrincipal(entry.value);
      if (reason) context.report(entry.node, entry.path, { reason, value: entry.value });
    }
  }
}
