import type { Severity } from '../../findings.ts';
import { hasWildcard, parseAction } from '../actions.ts';
import { catalogue, findService } from '../catalogue/catalogue.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';
import { closest } from '../suggest.ts';

export const code = 'INVALID_SERVICE_IN_ACTION';
export const severity: Severity = 'error';
export const description = 'The service prefix of an action is not an AWS service in the catalogue; a close prefix is suggested.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Action', 'NotAction']) {
      for (const entry of stringValues(statement.object.get(name))) {
        const parsed = parseAction(entry.value);
        if (!parsed || hasWildcard(parsed.service) || findService(parsed.service)) continue;
        const data: Record<string, unknown> = { action: entry.value, service: parsed.service };
        const suggestion = closest(parsed.service, catalogue().services.keys(), 2);
        if (suggestion) data.suggestion = suggestion;
        context.report(entry.node, entry.path, data);
      }
    }
  }
}
