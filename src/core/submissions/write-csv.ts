/**
 * Writes regraded rows as CSV (RFC 4180, CRLF line ends): one row per
 * submission with one column per step of the batch's lab, the quiz points,
 * the total, the flags and the error or flag messages.
 *
 * Learner ids, file names and messages come from learners, so their
 * control and bidirectional characters are written as visible `\uXXXX`
 * escapes (see visible-text.ts). A cell that a spreadsheet would read as
 * a formula (starting with =, +, -, @, a tab or a CR) also gets a leading
 * apostrophe.
 */
import type { LabPack } from '../engine/lab-pack.ts';
import type { RegradeRow } from './regrade.ts';
import { quizTotals, rowMessage, rowOutcome } from './row-text.ts';
import { visibleText } from './visible-text.ts';

export function csvHeader(lab: LabPack | undefined): string {
  const steps = lab?.steps.map((step) => step.id) ?? [];
  return csvLine(['learner', 'source', 'lab', 'outcome', ...steps, 'quiz', 'total', 'possible', 'flags', 'message']);
}

export function csvRow(row: RegradeRow, lab: LabPack | undefined): string {
  const report = row.report;
  const steps = (lab?.steps ?? []).map((step) => {
    if (!report || report.lab !== lab?.id) return '';
    return report.steps.find((candidate) => candidate.id === step.id)?.status ?? '';
  });
  const quiz = report ? quizTotals(report.quiz).earned : '';
  return csvLine([
    text(row.learner),
    text(row.source),
    report?.lab ?? '',
    rowOutcome(row),
    ...steps,
    String(quiz),
    report ? String(report.score.earned) : '',
    report ? String(report.score.possible) : '',
    [...(row.error ? [row.error.code] : []), ...row.flags.map((flag) => flag.code)].join(' '),
    text(rowMessage(row)),
  ]);
}

/** Writes a whole batch; the columns are the steps of `lab`. */
export function writeCsv(rows: readonly RegradeRow[], lab: LabPack | undefined): string {
  return csvHeader(lab) + rows.map((row) => csvRow(row, lab)).join('');
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Makes a learner-controlled cell visible text and neutralizes one that a spreadsheet would evaluate. */
function text(value: string): string {
  const visible = visibleText(value);
  return /^[=+\-@\t\r]/.test(visible) ? `'${visible}` : visible;
}
