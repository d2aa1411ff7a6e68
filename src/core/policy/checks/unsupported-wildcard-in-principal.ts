import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, principalEntries } from '../document.ts';
import { hasWildcard } from '../principals.ts';

export const code = 'UNSUPPORTED_WILDCARD_IN_PRINCIPAL';
export const severity: Severity = 'error';
export const description = 'A principal value has a partial wildcard, such as a role ARN ending in "*"; only "*" alone under the AWS key is allowed.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const { key, values } of principalEntries(statement)) {
      for (const value of values) {
        if (!hasWildcard(value.value) || (key === 'AWS' && value.value === '*')) continue;
        context.report(value.node, value.path, { key, value: value.value });
      }
    }
  }
}
