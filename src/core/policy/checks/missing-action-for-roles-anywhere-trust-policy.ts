import type { Severity } from '../../findings.ts';
import { wildcardMatches } from '../actions.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';
import { normalizePrincipals } from '../normalize.ts';

export const code = 'MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY';
export const severity: Severity = 'error';
export const description = 'A statement trusts rolesanywhere.amazonaws.com without all of sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession.';

const REQUIRED = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'];

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    const principal = statement.object.get('Principal');
    if (!principal) continue;
    const trustsRolesAnywhere = normalizePrincipals(principal).some(
      (entry) => entry.type === 'Service' && entry.value === 'rolesanywhere.amazonaws.com',
    );
    const action = statement.object.get('Action');
    if (!trustsRolesAnywhere || !action) continue;
    const granted = stringValues(action).map((entry) => entry.value);
    const missing = REQUIRED.filter((required) => !granted.some((pattern) => wildcardMatches(pattern, required)));
    if (missing.length > 0) context.report(action.value, action.path, { missing });
  }
}
