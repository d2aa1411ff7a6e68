import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'MISSING_EFFECT';
export const severity: Severity = 'error';
export const description = 'A statement has no Effect element.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    if (!statement.object.get('Effect')) context.report(statement.node, statement.path, {});
  }
}
