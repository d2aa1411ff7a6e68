/** The shared body of the TYPE_MISMATCH_* checks: condition values that do not fit their operator's type. */
import { isPolicyVariable, parseOperator, VALUE_FORMATS } from './conditions.ts';
import type { PolicyContext } from './context.ts';
import { conditionEntries, objectStatements } from './document.ts';

export function checkValueFormat(
  context: PolicyContext,
  operators: ReadonlySet<string>,
  format: keyof typeof VALUE_FORMATS,
  expected: string,
): void {
  for (const statement of objectStatements(context.document)) {
    for (const entry of conditionEntries(statement).entries) {
      const parsed = parseOperator(entry.operator);
      if (!parsed || !operators.has(parsed.base)) continue;
      const values = entry.value.type === 'Array' ? entry.value.elements.map((element) => element.value) : [entry.value];
      for (const value of values) {
        if (value.type === 'Number' || value.type === 'Boolean') {
          if (VALUE_FORMATS[format].test(String(value.value))) continue;
        } else if (value.type !== 'String' || isPolicyVariable(value.value) || VALUE_FORMATS[format].test(value.value)) {
          continue;
        }
        context.report(value, entry.keyPath, { operator: entry.operator, key: entry.key, value: String(value.value), expected });
      }
    }
  }
}
