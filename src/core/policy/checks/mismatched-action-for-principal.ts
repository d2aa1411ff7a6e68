import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues, type ObjectStatement } from '../document.ts';
import { normalizePrincipals } from '../normalize.ts';
import { isOidcProvider, isSamlProvider } from '../principals.ts';
import type { NormalizedPrincipal } from '../types.ts';

export const code = 'MISMATCHED_ACTION_FOR_PRINCIPAL';
export const severity: Severity = 'error';
export const description =
  'An assume action does not fit the principal: sts:AssumeRoleWithSAML needs a SAML provider, sts:AssumeRoleWithWebIdentity an OIDC provider, and sts:AssumeRole a non-federated principal.';

type Need = 'saml' | 'oidc' | 'non-federated';

const NEEDS: Record<string, Need> = {
  'sts:assumerolewithsaml': 'saml',
  'sts:assumerolewithwebidentity': 'oidc',
  'sts:assumerole': 'non-federated',
};

function satisfies(principals: NormalizedPrincipal[], need: Need): boolean {
  if (principals.some((principal) => principal.type === '*')) return true;
  if (need === 'non-federated') return principals.some((principal) => principal.type !== 'Federated');
  const test = need === 'saml' ? isSamlProvider : isOidcProvider;
  return principals.some((principal) => principal.type === 'Federated' && test(principal.value));
}

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) checkStatement(context, statement);
}

function checkStatement(context: PolicyContext, statement: ObjectStatement): void {
  const member = statement.object.get('Principal');
  if (!member) return;
  const principals = normalizePrincipals(member);
  if (principals.length === 0) return;
  for (const entry of stringValues(statement.object.get('Action'))) {
    const need = NEEDS[entry.value.toLowerCase()];
    if (!need || satisfies(principals, need)) continue;
    const principalNames = principals.map((principal) => principal.value);
    context.report(entry.node, entry.path, { action: entry.value, need, principals: principalNames });
  }
}
