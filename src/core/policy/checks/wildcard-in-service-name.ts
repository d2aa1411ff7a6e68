import type { Severity } from '../../findings.ts';
import { hasWildcard, parseAction } from '../actions.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';

export const code = 'WILDCARD_IN_SERVICE_NAME';
export const severity: Severity = 'suggestion';
export const description = 'The service prefix of an action has a wildcard, which also matches other and future services with similar names.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Action', 'NotAction']) {
      for (const entry of stringValues(statement.object.get(name))) {
        const parsed = parseAction(entry.value);
        if (parsed && parsed.service !== '*' && hasWildcard(parsed.service)) {
          context.report(entry.node, entry.path, { action: entry.value, service: parsed.service });
        }
      }
    }
  }
}
