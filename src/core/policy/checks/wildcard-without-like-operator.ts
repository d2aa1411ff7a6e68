import type { Severity } from '../../findings.ts';
import { parseOperator } from '../conditions.ts';
import type { PolicyContext } from '../context.ts';
import { conditionEntries, objectStatements } from '../document.ts';

export const code = 'WILDCARD_WITHOUT_LIKE_OPERATOR';
export const severity: Severity = 'warning';
export const description = 'A StringEquals or ArnEquals condition value contains * or ?, which those operators compare literally.';

const LITERAL_OPERATORS = new Set(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'ArnEquals', 'ArnNotEquals']);

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const entry of conditionEntries(statement).entries) {
      const parsed = parseOperator(entry.operator);
      if (!parsed || !LITERAL_OPERATORS.has(parsed.base)) continue;
      const values = entry.value.type === 'Array' ? entry.value.elements.map((element) => element.value) : [entry.value];
      for (const value of values) {
        // Policy variables such as ${*} stand for a literal * and are not wildcards.
        if (value.type === 'String' && /[*?]/.test(value.value.replace(/\$\{[*?$]\}/g, ''))) {
          const like = parsed.base.replace('Equals', 'Like').replace('IgnoreCase', '');
          context.report(value, entry.keyPath, { operator: entry.operator, value: value.value, suggestion: like });
        }
      }
    }
  }
}
