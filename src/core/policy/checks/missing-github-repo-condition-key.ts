import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, isAllow, objectStatements } from '../document.ts';
import { normalizePrincipals } from '../normalize.ts';
import { oidcProviderHost } from './missing-condition-key-for-oidc-principal.ts';

export const code = 'MISSING_GITHUB_REPO_CONDITION_KEY';
export const severity: Severity = 'security-warning';
export const description = 'GitHub Actions is trusted without a token.actions.githubusercontent.com:sub condition, so any repository can assume the role.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    const principal = statement.object.get('Principal');
    if (!principal || !isAllow(statement)) continue;
    const trustsGithub = normalizePrincipals(principal).some(
      (entry) => entry.type === 'Federated' && oidcProviderHost(entry.value) === 'token.actions.githubusercontent.com',
    );
    if (!trustsGithub) continue;
    const keys = conditionEntries(statement).entries.map((entry) => entry.key.toLowerCase());
    if (!keys.includes('token.actions.githubusercontent.com:sub')) context.report(principal.value, principal.path, {});
  }
}
