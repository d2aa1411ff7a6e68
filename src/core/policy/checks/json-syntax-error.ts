import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';

export const code = 'JSON_SYNTAX_ERROR';
export const severity: Severity = 'error';
export const description =
  'The text is not strict JSON: trailing commas, missing commas or colons, single or curly quotes, no-break spaces, comments, Python literals, unclosed brackets, YAML and empty text each get a hint.';

export function check(context: PolicyContext): void {
  const parsed = context.parsed;
  if (!parsed || parsed.ok) return;
  const { fault, offset, endOffset, data } = parsed.error;
  context.report({ start: offset, end: endOffset }, undefined, { fault, ...data });
}
