import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'MISSING_RESOURCE';
export const severity: Severity = 'error';
export const description = 'A statement of an identity policy has neither Resource nor NotResource.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'identity') return;
  for (const statement of objectStatements(context.document)) {
    const { object } = statement;
    if (!object.get('Resource') && !object.get('NotResource')) context.report(statement.node, statement.path, {});
  }
}
