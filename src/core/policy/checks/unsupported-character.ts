import type { Severity } from '../../findings.ts';
import type { PolicyContext } from '../context.ts';

export const code = 'UNSUPPORTED_CHARACTER';
export const severity: Severity = 'error';
export const description = 'IAM policies may contain only tab, line feed, carriage return and characters U+0020 to U+00FF.';

export function check(context: PolicyContext): void {
  // A curly quote, byte order mark or Unicode space that broke the JSON already has a more specific syntax finding.
  const syntax = context.parsed && !context.parsed.ok ? context.parsed.error : undefined;
  const specific = syntax && ['smart-quote', 'byte-order-mark', 'unusual-space'].includes(syntax.fault);
  const syntaxAt = specific ? syntax.offset : -1;
  for (const offset of context.scan.unsupportedCharacters) {
    if (offset === syntaxAt) continue;
    const codePoint = context.text.codePointAt(offset) ?? 0;
    const length = codePoint > 0xffff ? 2 : 1;
    const character = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    context.report({ start: offset, end: offset + length }, undefined, { character });
  }
}
