/** Plain-text pieces of a regraded row that several output formats share. */
import type { Finding } from '../findings.ts';
import type { QuizReport } from '../engine/report.ts';
import type { RegradeRow } from './regrade.ts';
import { visibleText } from './visible-text.ts';

/** A row's outcome: unreadable, graded but flagged, or graded. */
export type RowOutcome = 'error' | 'flagged' | 'graded';

export function rowOutcome(row: RegradeRow): RowOutcome {
  if (row.error) return 'error';
  return row.flags.length > 0 ? 'flagged' : 'graded';
}

/**
 * Formats a finding as one line: `step-id 3:5 error CODE: message`. The
 * message may quote the learner's code, so it goes through `visibleText`.
 */
export function findingLine(finding: Finding, input?: string): string {
  const where = finding.line === undefined ? '' : `${input ? `${visibleText(input)} ` : ''}${finding.line}:${finding.column ?? 1} `;
  return `${where}${finding.severity} ${finding.code}: ${visibleText(finding.message)}`;
}

/** Joins the error or the flag messages of a row into one line, with learner text made visible. */
export function rowMessage(row: RegradeRow): string {
  if (row.error) return visibleText(row.error.message);
  return row.flags.map((flag) => visibleText(flag.message)).join(' ');
}

export function quizTotals(quiz: readonly QuizReport[]): { earned: number; possible: number } {
  return quiz.reduce((total, q) => ({ earned: total.earned + q.earned, possible: total.possible + q.points }), {
    earned: 0,
    possible: 0,
  });
}
