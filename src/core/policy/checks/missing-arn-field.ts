import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues } from '../document.ts';

export const code = 'MISSING_ARN_FIELD';
export const severity: Severity = 'error';
export const description = 'A resource ARN has fewer than the six fields of arn:partition:service:region:account:resource.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'identity') return;
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Resource', 'NotResource']) {
      for (const entry of stringValues(statement.object.get(name))) {
        if (!entry.value.startsWith('arn:')) continue;
        const fields = entry.value.split(':').length;
        if (fields < 6) context.report(entry.node, entry.path, { resource: entry.value, fields });
      }
    }
  }
}
