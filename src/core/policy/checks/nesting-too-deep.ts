import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';
import { MAX_DEPTH, MAX_DOCUMENT_LENGTH } from '../scan.ts';

export const code = 'NESTING_TOO_DEEP';
export const severity: Severity = 'error';
export const description = `Arrays and objects nest more than ${MAX_DEPTH} levels deep, so the document is not parsed.`;

export function check(context: PolicyContext): void {
  const at = context.scan.tooDeepAt;
  if (at < 0 || context.text.length > MAX_DOCUMENT_LENGTH) return;
  context.report({ start: at, end: at + 1 }, undefined, { maximum: MAX_DEPTH });
}
