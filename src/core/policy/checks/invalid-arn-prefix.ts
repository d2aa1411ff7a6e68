import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';

export const code = 'INVALID_ARN_PREFIX';
export const severity: Severity = 'error';
export const description = 'A Resource or NotResource value of an identity policy is neither "*" nor an ARN starting with arn:.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'identity') return;
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Resource', 'NotResource']) {
      for (const entry of stringValues(statement.object.get(name))) {
        if (entry.value === '*' || entry.value.startsWith('arn:') || isVariableOnly(entry.value)) continue;
        context.report(entry.node, entry.path, { resource: entry.value });
      }
    }
  }
}

/** Tells whether the resource is wholly a policy variable, such as ${aws:SourceArn}, which is resolved at request time. */
function isVariableOnly(value: string): boolean {
  return /^\$\{[^}]+\}$/.test(value);
}
