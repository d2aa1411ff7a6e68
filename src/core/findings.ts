/**
 * Findings are the one result type of every validator and grader in the
 * core. A check creates a finding from its code and data; the message and
 * hint are rendered from them by the domain's message table, so the popup,
 * the CLI and the reports say the same thing.
 */

export const SEVERITIES = ['error', 'security-warning', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The side that would reject a command: the AWS CLI before sending, or the AWS service. */
export type RejectedBy = 'cli' | 'service';

/** A 1-based line and column span in the text that was checked. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Partial<Span> {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** JSON path into a policy (`Statement[0].Principal.AWS`) or an option name of a command. */
  path?: string;
  rejectedBy?: RejectedBy;
  data?: Record<string, unknown>;
}

export const isError = (finding: Finding): boolean => finding.severity === 'error';

/** Severity overrides by finding code, as a lab step or a lint configuration sets them. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

export function applySeverityOverrides(
  findings: readonly Finding[],
  overrides: SeverityOverrides | undefined,
): Finding[] {
  if (!overrides) return [...findings];

  const result: Finding[] = [];
  for (const finding of findings) {
    const override = overrides[finding.code];
    if (override === 'off') continue;
    result.push(override ? { ...finding, severity: override } : finding);
  }
  return result;
}

/** Returns the 1-based line and column of a 0-based UTF-16 offset into `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

/** Returns the span between two 0-based offsets of `text`. */
export function spanAt(text: string, start: number, end: number): Span {
  const from = positionAt(text, start);
  const to = positionAt(text, Math.max(start, end));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/**
 * Line starts of source code, where `\r\n`, a lone `\r` and `\n` each end a
 * line, as Python reads a source file (Python Language Reference, "Physical
 * lines") and as CodeMirror 6 splits a document (`/\r\n?|\n/` in
 * @codemirror/state). `positionAt` counts `\n` only, as Python's json module
 * does in its error positions, so it stays the one for JSON text.
 */
export class CodeLines {
  private readonly starts: number[] = [0];
  private readonly crEndsLine: boolean;

  /** `crEndsLine: false` counts lines at `\n` only, as a POSIX shell does, where CR is an ordinary character. */
  constructor(
    readonly text: string,
    { crEndsLine = true }: { crEndsLine?: boolean } = {},
  ) {
    this.crEndsLine = crEndsLine;
    if (!crEndsLine || !text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i += 1) {
      const char = text.charCodeAt(i);
      if (char === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1;
      if (char === 0x0a || char === 0x0d) this.starts.push(i + 1);
    }
  }

  /** Returns the 1-based line and column of a 0-based UTF-16 offset, in O(log lines). */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    // An offset inside a CRLF pair (after its CR) is the end of the line, not a column past it.
    const start = this.starts[low] ?? 0;
    const next = this.starts[low + 1];
    let end = next === undefined ? this.text.length : next - 1;
    const crlf = this.text.charCodeAt(end) === 0x0a && this.text.charCodeAt(end - 1) === 0x0d;
    if (this.crEndsLine && next !== undefined && crlf) end -= 1;
    return { line: low + 1, column: Math.min(clamped, end) - start + 1 };
  }

  /** Returns the span between two 0-based offsets. */
  span(start: number, end: number): Span {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

/** The line index of the code text passed last, because a report locates many findings in one text. */
let lastLines: CodeLines | undefined;

/** Returns the span between two 0-based offsets of source code, with the line ends of `CodeLines`. */
export function codeSpanAt(code: string, start: number, end: number): Span {
  if (lastLines?.text !== code) lastLines = new CodeLines(code);
  return lastLines.span(start, end);
}

const SEVERITY_RANK: Record<Severity, number> = {
  error: 0,
  'security-warning': 1,
  warning: 2,
  suggestion: 3,
};

/** Sorts findings by position, then by severity, so that output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.code.localeCompare(b.code)
  );
}
