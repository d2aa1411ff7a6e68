import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements } from '../document.ts';

export const code = 'MISSING_PRINCIPAL';
export const severity: Severity = 'error';
export const description = 'A statement of a role trust policy has no Principal, so it names nobody who may assume the role.';

export function check(context: PolicyContext): void {
  if (context.kind !== 'trust') return;
  for (const statement of objectStatements(context.document)) {
    const { object } = statement;
    if (!object.get('Principal') && !object.get('NotPrincipal')) context.report(statement.node, statement.path, {});
  }
}
