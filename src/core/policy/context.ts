/** What every check receives: the text, the parse result, the document view, and `report`. */
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

/** Runs the checks in order, collecting findings without message text. */
export function runChecks(
  checks: readonly PolicyCheck[],
  base: Omit<PolicyContext, 'report'>,
): Finding[] {
  const findings: Finding[] = [];
  let current: PolicyCheck | undefined;
  const context: PolicyContext = {
    text: base.text,
    kind: base.kind,
    sizeQuota: base.sizeQuota,
    scan: base.scan,
    parsed: base.parsed,
    document: base.document,
    report(target, path, data) {
      if (!current) return;
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
    },
  };
  for (const check of checks) {
    current = check;
    check.check(context);
  }
  return findings;
}
