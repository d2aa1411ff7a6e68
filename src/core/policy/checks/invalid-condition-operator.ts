import type { Severity } from '../../findings.ts';
import { allOperatorSpellings, parseOperator } from '../conditions.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';
import { closest } from '../suggest.ts';

export const code = 'INVALID_CONDITION_OPERATOR';
export const severity: Severity = 'error';
export const description = 'A condition operator is not an IAM operator, optionally with a ForAnyValue: or ForAllValues: prefix and an IfExists suffix.';

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const operator of conditionEntries(statement).operators) {
      if (parseOperator(operator.name)) continue;
      const data: Record<string, unknown> = { operator: operator.name };
      const suggestion = suggestOperator(operator.name);
      if (suggestion) data.suggestion = suggestion;
      context.report(operator.node.name, operator.path, data);
    }
  }
}

function suggestOperator(operator: string): string | undefined {
  const prefix = /^(ForAnyValue|ForAllValues):/i.exec(operator)?.[0] ?? '';
  const rest = operator.slice(prefix.length);
  const properPrefix = prefix === '' ? '' : /^forany/i.test(prefix) ? 'ForAnyValue:' : 'ForAllValues:';
  const spellings = allOperatorSpellings();
  const match = spellings.find((spelling) => spelling.toLowerCase() === rest.toLowerCase()) ?? closest(rest, spellings, 3);
  return match ? properPrefix + match : undefined;
}
