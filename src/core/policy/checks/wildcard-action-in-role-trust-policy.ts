import type { Severity } from '../../findings.ts';
import { hasWildcard, TRUST_POLICY_ACTIONS, wildcardMatches } from '../actions.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';

export const code = 'WILDCARD_ACTION_IN_ROLE_TRUST_POLICY';
export const severity: Severity = 'warning';
export const description = 'A role trust policy grants STS actions by wildcard or NotAction (such as "sts:*"), which includes more than the actions it names.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    for (const entry of stringValues(statement.object.get('Action'))) {
      if (!hasWildcard(entry.value)) continue;
      const matches = TRUST_POLICY_ACTIONS.filter((action) => wildcardMatches(entry.value, action));
      if (matches.length > 0) context.report(entry.node, entry.path, { action: entry.value, matches, notAction: false });
    }
    const notAction = statement.object.get('NotAction');
    if (!notAction) continue;
    const excluded = stringValues(notAction).map((entry) => entry.value);
    const matches = TRUST_POLICY_ACTIONS.filter((action) => !excluded.some((pattern) => wildcardMatches(pattern, action)));
    if (matches.length > 0) context.report(notAction.node.name, notAction.path, { action: 'NotAction', matches, notAction: true });
  }
}
