/**
 * State of one extraction, shared by the language evaluators: the findings,
 * the assignments in the order the code makes them, the work budget, and a
 * line index for positions.
 */
import { CodeLines, compareFindings, type Finding } from '../findings.ts';
import type { Assignment, Extraction, Language, SourceValue } from './index.ts';
import { EXTRACT_MESSAGES } from './messages.ts';
import { Budget, type Unreadable } from './values.ts';

/** Maximum findings of one extraction; one more finding reports that the rest were dropped. */
export const MAX_FINDINGS = 100;

export type AssignMode = 'replace' | 'extend' | 'declare';

interface AssignmentCount {
  count: number;
  firstLine: number;
  /** The variable was reassigned without building on its old value (`x = ...`, not `x += ...`). */
  replaced: boolean;
}

export class ExtractionContext {
  readonly budget = new Budget();
  readonly findings: Finding[] = [];
  readonly assignments = new Map<string, Assignment>();
  private readonly counts = new Map<string, AssignmentCount>();
  private readonly lines: CodeLines;
  private readonly syntaxErrorLines = new Set<number>();
  /**
   * Offset at which the parser stopped at a limit, which a LIMIT_EXCEEDED
   * finding reports. The parser's error nodes from there on only show
   * where it stopped, so they are no syntax errors of the code.
   */
  parseStop: number | undefined;

  constructor(
    readonly code: string,
    readonly language: Language,
  ) {
    this.lines = new CodeLines(code);
  }

  /** Returns the 1-based line and column of a 0-based offset; a lone `\r` ends a line too. */
  position(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }

  /** Adds a finding rendered from the message table; past `MAX_FINDINGS` it adds one last finding and stops. */
  report(code: string, start: number, end: number, data: Record<string, unknown> = {}): void {
    if (this.findings.length > MAX_FINDINGS) return;

    const entry = EXTRACT_MESSAGES[code];
    if (!entry) throw new Error(`No message for extraction finding ${code}`);
    if (this.findings.length === MAX_FINDINGS) {
      code = 'LIMIT_EXCEEDED';
      data = { limit: 'findings', maximum: MAX_FINDINGS };
    }
    const full = { language: this.language, ...data };
    const table = EXTRACT_MESSAGES[code] ?? entry;
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    this.findings.push({
      code,
      severity: table.severity,
      message: table.message(full),
      hint: table.hint(full),
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      data: full,
    });
  }

  /**
   * Reports a syntax error at most once per line. An empty error span marks
   * missing code, so it moves back to the end of the code before it rather
   * than pointing past a line break.
   */
  reportSyntaxError(start: number, end: number, data: Record<string, unknown> = {}): void {
    if (this.parseStop !== undefined && start >= this.parseStop) return;
    if (start === end) while (start > 0 && /\s/.test(this.code[start - 1] ?? '')) start -= 1;
    const { line } = this.position(start);
    if (this.syntaxErrorLines.has(line)) return;

    this.syntaxErrorLines.add(line);
    this.report('SYNTAX_ERROR', start, end, data);
  }

  /** Reports why a value could not be read; a syntax error has been reported where it was found. */
  reportUnreadable(reason: Unreadable, variable: string | undefined): void {
    const data = variable === undefined ? reason.data : { variable, ...reason.data };
    if (reason.code === 'SYNTAX_ERROR' || (reason.code === 'RUNTIME_ERROR' && reason.data.error === 'SyntaxError')) {
      this.reportSyntaxError(reason.start, reason.end, data);
      return;
    }
    this.report(reason.code, reason.start, reason.end, data);
  }

  /**
   * Records a top-level assignment; the last one of a name wins. `mode` is
   * `extend` for an assignment that builds on the old value, such as
   * `x += "..."`, which is not worth a REASSIGNED suggestion, and `declare`
   * for a declaration without a value (`let x;`), which is not counted.
   */
  assign(name: string, nameStart: number, value: SourceValue, mode: AssignMode = 'replace'): void {
    const { line, column } = this.position(nameStart);
    this.assignments.delete(name);
    this.assignments.set(name, { name, value, start: nameStart, end: Math.max(nameStart, value.end), line, column });

    const count = this.counts.get(name) ?? { count: 0, firstLine: line, replaced: false };
    this.counts.set(name, count);
    if (mode === 'declare') return;
    if (count.count === 0) count.firstLine = line;
    else if (mode === 'replace') count.replaced = true;
    count.count += 1;
  }

  /** Forgets a variable, as `del x` or `unset x` does. */
  remove(name: string): void {
    this.assignments.delete(name);
    this.counts.delete(name);
  }

  finish(): Extraction {
    for (const [name, count] of this.counts) {
      const assignment = this.assignments.get(name);
      if (!assignment || count.count < 2 || !count.replaced) continue;
      this.report('REASSIGNED', assignment.start, assignment.end, {
        variable: name,
        count: count.count,
        firstLine: count.firstLine,
        lastLine: assignment.line,
      });
    }
    this.findings.sort(compareFindings);
    return { language: this.language, assignments: this.assignments, findings: this.findings };
  }
}
