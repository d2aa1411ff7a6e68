import type { Severity } from '../../findings.ts';
import { hasWildcard, wildcardMatches } from '../actions.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues, type StringValue } from '../document.ts';

export const code = 'REDUNDANT_ACTION';
export const severity: Severity = 'suggestion';
export const description = 'An action is listed twice in one element, or is already matched by a wildcard in the same element.';

/** Finds another wildcard of the list that matches `action`, so that `action` adds nothing. */
function coveringWildcard(wildcards: StringValue[], action: string): StringValue | undefined {
  const lower = action.toLowerCase();
  return wildcards.find((wildcard) => wildcard.value.toLowerCase() !== lower && wildcardMatches(wildcard.value, action));
}

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Action', 'NotAction']) {
      const entries = stringValues(statement.object.get(name));
      if (entries.length < 2) continue;
      const seen = new Map<string, string>();
      const wildcards = entries.filter((entry) => hasWildcard(entry.value));
      for (const entry of entries) {
        const lower = entry.value.toLowerCase();
        const coveredBy = seen.get(lower) ?? coveringWildcard(wildcards, entry.value)?.value;
        if (!seen.has(lower)) seen.set(lower, entry.value);
        if (coveredBy !== undefined) context.report(entry.node, entry.path, { action: entry.value, coveredBy });
      }
    }
  }
}
