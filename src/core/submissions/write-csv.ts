/**
 * Writes regraded rows as CSV (RFC 4180, CRLF line ends): one row per
 * submission with its lab, one column per step of the given labs, the
 * quiz points, the total, the flags and the error or flag messages. A row
 * fills the step columns of its own lab and leaves the others empty, so a
 * batch of several labs stays one well-formed table.
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

/** Lists the step ids of `labs`, in order, each once: the CSV's step columns. */
export function stepColumns(labs: readonly LabPack[]): string[] {
  return [...new Set(labs.flatMap((lab) => lab.steps.map((step) => step.id)))];
}

export function csvHeader(labs: readonly LabPack[]): string {
  return csvLine(['learner', 'source', 'lab', 'outcome', ...stepColumns(labs), 'quiz', 'total', 'possible', 'flags', 'message']);
}

export function csvRow(row: RegradeRow, labs: readonly LabPack[]): string {
  const report = row.report;
  const ownLab = report !== undefined && labs.some((lab) => lab.id === report.lab);
  const steps = stepColumns(labs).map((id) => {
    if (!ownLab) return '';
    return report.steps.find((step) => step.id === id)?.status ?? '';
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

/** Writes a whole batch; the step columns are those of `labs`. */
export function writeCsv(rows: readonly RegradeRow[], labs: readonly LabPack[]): string {
  return csvHeader(labs) + rows.map((row) => csvRow(row, labs)).join('');
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
