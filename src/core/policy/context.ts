/** The context every check receives: the text, the parse result, the document view, and `report`. */
import type { Node } from '@humanwhocodes/momoa';
import type { Finding, Severity } from '../findings.ts';
import { spanAt } from '../findings.ts';
import type { PolicyDocument } from './document.ts';
import type { TextScan } from './scan.ts';
import type { ParseResult } from './syntax.ts';
import type { PolicyKind } from './types.ts';

/** A node, or a range of 0-based offsets into the text. */
export type Target = Pick<Node, 'loc'> | { start: number; end: number };

export interface PolicyContext {
  readonly text: string;
  readonly kind: PolicyKind;
  readonly sizeQuota: number;
  readonly scan: TextScan;
  /** Absent when the text was not parsed (too long or nested too deep). */
  readonly parsed?: ParseResult;
  /** Present when the text parsed to a JSON object. */
  readonly document?: PolicyDocument;
  /** Reports a finding of the running check at `target`; the message is rendered later from the data. */
  report(target: Target, path?: string, data?: Record<string, unknown>): void;
}

export interface PolicyCheck {
  code: string;
  severity: Severity;
  description: string;
  check(context: PolicyContext): void;
}

/**
 * Findings of one code beyond this count are counted but not listed, so that
 * a policy of 10,000 broken statements stays fast and readable.
 */
export const MAX_FINDINGS_PER_CODE = 100;

/** Runs the checks in order, collecting findings without message text. */
export function runChecks(
  checks: readonly PolicyCheck[],
  base: Omit<PolicyContext, 'report'>,
): Finding[] {
  const findings: Finding[] = [];
  let current: PolicyCheck | undefined;
  let listed = 0;
  let omitted = 0;
  let last: Finding | undefined;
  const context: PolicyContext = {
    text: base.text,
    kind: base.kind,
    sizeQuota: base.sizeQuota,
    scan: base.scan,
    parsed: base.parsed,
    document: base.document,
    report(target, path, data) {
      if (!current) return;
      if (listed >= MAX_FINDINGS_PER_CODE) {
        omitted += 1;
        return;
      }
      const span =
        'loc' in target
          ? {
              line: target.loc.start.line,
              column: target.loc.start.column,
              endLine: target.loc.end.line,
              endColumn: target.loc.end.column,
            }
          : spanAt(base.text, target.start, target.end);
      const finding: Finding = { code: current.code, severity: current.severity, message: '', ...span };
      if (path !== undefined) finding.path = path;
      if (data !== undefined) finding.data = data;
      findings.push(finding);
      listed += 1;
      last = finding;
    },
  };
  for (const check of checks) {
    current = check;
    listed = 0;
    omitted = 0;
    last = undefined;
    check.check(context);
    // The closure above assigns `last`, which TypeScript's narrowing cannot see.
    const lastListed = last as Finding | undefined;
    if (omitted > 0 && lastListed) lastListed.data = { ...lastListed.data, omitted };
  }
  return findings;
}
