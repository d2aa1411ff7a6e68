import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';

export const code = 'NULL_WITH_IF_EXISTS';
export const severity: Severity = 'error';
export const description = 'The Null condition operator has an IfExists suffix, which it does not take.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const operator of conditionEntries(statement).operators) {
      if (/^(ForAnyValue:|ForAllValues:)?NullIfExists$/.test(operator.name)) {
        context.report(operator.node.name, operator.path, { operator: operator.name });
      }
    }
  }
}
