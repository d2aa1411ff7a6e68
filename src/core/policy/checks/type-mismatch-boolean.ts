import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { checkValueFormat } from '../value-format.ts';

export const code = 'TYPE_MISMATCH_BOOLEAN';
export const severity: Severity = 'warning';
export const description = 'A Bool or Null condition value is neither true nor false.';

const OPERATORS = new Set(['Bool', 'Null']);

export function check(context: PolicyContext): void {
  checkValueFormat(context, OPERATORS, 'Bool', 'true or false');
}
