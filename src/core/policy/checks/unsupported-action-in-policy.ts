import type { Severity } from '../../findings.ts';
import { findAction, hasWildcard, isTrustPolicyAction, parseAction, TRUST_POLICY_ACTIONS, wildcardMatches } from '../actions.ts';
import { findService } from '../catalogue/catalogue.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';

export const code = 'UNSUPPORTED_ACTION_IN_POLICY';
export const severity: Severity = 'error';
export const description = `An action in a role trust policy is not one of the STS actions that assume a role or set session data (${TRUST_POLICY_ACTIONS.join(', ')}).`;

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    for (const entry of stringValues(statement.object.get('Action'))) {
      const parsed = parseAction(entry.value);
      // Actions in a bad format, of unknown services or unknown by name get their own findings.
      if (!parsed || (!hasWildcard(parsed.service) && !findService(parsed.service))) continue;
      if (!hasWildcard(entry.value) && !findAction(parsed.service, parsed.name)) continue;
      const grantsTrustAction = hasWildcard(entry.value)
        ? TRUST_POLICY_ACTIONS.some((action) => wildcardMatches(entry.value, action))
        : isTrustPolicyAction(entry.value);
      if (!grantsTrustAction) context.report(entry.node, entry.path, { action: entry.value, service: parsed.service });
    }
  }
}
