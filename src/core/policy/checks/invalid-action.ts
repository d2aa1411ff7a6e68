import type { Severity } from '../../findings.ts';
import { expandAction, findAction, hasWildcard, parseAction } from '../actions.ts';
import { findService } from '../catalogue/catalogue.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';
import { closest } from '../suggest.ts';

export const code = 'INVALID_ACTION';
export const severity: Severity = 'error';
export const description = 'An action does not exist in its service (or a wildcard matches none of its actions); a close action name is suggested.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Action', 'NotAction']) {
      for (const entry of stringValues(statement.object.get(name))) {
        const parsed = parseAction(entry.value);
        if (!parsed || hasWildcard(parsed.service)) continue;
        const service = findService(parsed.service);
        if (!service) continue;
        if (hasWildcard(parsed.name)) {
          if (expandAction(entry.value).length === 0) context.report(entry.node, entry.path, { action: entry.value, wildcard: true });
          continue;
        }
        if (findAction(parsed.service, parsed.name)) continue;
        const data: Record<string, unknown> = { action: entry.value, wildcard: false };
        const suggestion = closest(parsed.name, service.actions);
        if (suggestion) data.suggestion = `${service.prefix}:${suggestion}`;
        context.report(entry.node, entry.path, data);
      }
    }
  }
}
