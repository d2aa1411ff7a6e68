import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, principalEntries } from '../document.ts';
import { classifyServicePrincipal, hasWildcard } from '../principals.ts';

export const code = 'INVALID_SERVICE_PRINCIPAL_FORMAT';
export const severity: Severity = 'error';
export const description = 'A Service principal is not in the form service-name.amazonaws.com, in lower case.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const { key, values } of principalEntries(statement)) {
      if (key !== 'Service') continue;
      for (const entry of values) {
        const reason = hasWildcard(entry.value) ? undefined : classifyServicePrincipal(entry.value);
        if (!reason) continue;
        const data: Record<string, unknown> = { reason, value: entry.value };
        if (reason === 'missing-domain') data.suggestion = `${entry.value.toLowerCase()}.amazonaws.com`;
        if (reason === 'uppercase') data.suggestion = entry.value.toLowerCase();
        context.report(entry.node, entry.path, data);
      }
    }
  }
}
