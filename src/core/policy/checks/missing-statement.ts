import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';

export const code = 'MISSING_STATEMENT';
export const severity: Severity = 'error';
export const description = 'The policy has no Statement element, or an empty Statement array.';

export function check(context: PolicyContext): void {
  const document = context.document;
  if (!document) return;
  const statement = document.statement;
  if (!statement) context.report(document.root.node, '', { empty: false });
  else if (statement.value.type === 'Array' && statement.value.elements.length === 0) {
    context.report(statement.value, 'Statement', { empty: true });
  }
}
