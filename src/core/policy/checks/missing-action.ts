import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'MISSING_ACTION';
export const severity: Severity = 'error';
export const description = 'A statement has neither Action nor NotAction.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const { object } = statement;
    if (!object.get('Action') && !object.get('NotAction')) context.report(statement.node, statement.path, { kind: context.kind });
  }
}
