import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { checkValueFormat } from '../value-format.ts';

export const code = 'TYPE_MISMATCH_DATE';
export const severity: Severity = 'warning';
export const description = 'A Date condition value is neither an ISO 8601 date nor seconds since the epoch.';

const OPERATORS = new Set(['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals']);

export function check(context: PolicyContext): void {
  checkValueFormat(context, OPERATORS, 'Date', 'an ISO 8601 date such as 2026-12-31T23:59:59Z');
}
