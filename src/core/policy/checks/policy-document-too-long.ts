import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { MAX_DOCUMENT_LENGTH } from '../scan.ts';

export const code = 'POLICY_DOCUMENT_TOO_LONG';
export const severity: Severity = 'error';
export const description = `The document is longer than the ${MAX_DOCUMENT_LENGTH.toLocaleString('en-US')} characters IAM accepts, so it is not checked further.`;

export function check(context: PolicyContext): void {
  if (context.text.length <= MAX_DOCUMENT_LENGTH) return;
  context.report({ start: 0, end: 0 }, undefined, { length: context.text.length, maximum: MAX_DOCUMENT_LENGTH });
}
