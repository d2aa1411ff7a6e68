import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { checkValueFormat } from '../value-format.ts';

export const code = 'TYPE_MISMATCH_IP_RANGE';
export const severity: Severity = 'warning';
export const description = 'An IpAddress condition value is not an IP address or CIDR range.';

const OPERATORS = new Set(['IpAddress', 'NotIpAddress']);

export function check(context: PolicyContext): void {
  checkValueFormat(context, OPERATORS, 'IpAddress', 'an address or CIDR range such as 203.0.113.0/24');
}
