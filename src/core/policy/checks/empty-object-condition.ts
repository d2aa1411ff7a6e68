import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';

export const code = 'EMPTY_OBJECT_CONDITION';
export const severity: Severity = 'suggestion';
export const description = 'Condition, or one of its operators, is an empty object and restricts nothing.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    const condition = statement.object.get('Condition');
    if (condition?.value.type !== 'Object') continue;
    if (condition.value.members.length === 0) {
      context.report(condition.value, condition.path, { element: 'Condition' });
      continue;
    }
    for (const operator of conditionEntries(statement).operators) {
      if (operator.value.type === 'Object' && operator.value.members.length === 0) {
        context.report(operator.value, operator.path, { element: operator.name });
      }
    }
  }
}
