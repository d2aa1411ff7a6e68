import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { checkValueFormat } from '../value-format.ts';

export const code = 'TYPE_MISMATCH_NUMBER';
export const severity: Severity = 'warning';
export const description = 'A Numeric condition value is not a number.';

const OPERATORS = new Set(['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals']);

export function check(context: PolicyContext): void {
  checkValueFormat(context, OPERATORS, 'Numeric', 'a number such as 3600');
}
