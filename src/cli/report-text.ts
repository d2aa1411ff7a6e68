/**
 * Renders a submission report as a short per-step summary for a terminal.
 * The source, messages and quiz choices can carry learner text, so they
 * go through `visibleText`: a control character cannot move the cursor or
 * start a line that looks like another submission's.
 */
import type { Finding } from '../core/findings.ts';
import type { SubmissionReport } from '../core/engine/index.ts';
import { visibleText } from '../core/submissions/visible-text.ts';

const STATUS_LABEL = { pass: 'pass   ', fail: 'FAIL   ', missing: 'MISSING' } as const;

export function formatReportText(report: SubmissionReport): string {
  const lines: string[] = [];
  const { earned, possible } = report.score;
  lines.push(`${visibleText(report.source ?? '(input)')}: ${report.lab} ${earned}/${possible} points`);

  for (const step of report.steps) {
    lines.push(`  ${STATUS_LABEL[step.status]} ${step.id}: ${step.title}`);
    for (const finding of step.findings) lines.push(...formatFinding(finding, step.foundIn));
    if (step.hint && step.status !== 'pass') lines.push(`          ${step.hint}`);
  }
  // Findings about the code as a whole, such as a syntax error outside every step's variable.
  if (report.findings.length > 0) lines.push('  code as a whole:');
  for (const finding of report.findings) {
    const input = finding.data?.input;
    lines.push(...formatFinding(finding, typeof input === 'string' ? input : undefined));
  }

  if (report.quiz.length > 0) {
    const answered = report.quiz.filter((question) => question.status !== 'missing');
    const correct = report.quiz.filter((question) => question.status === 'pass');
    lines.push(`  quiz: ${correct.length}/${report.quiz.length} correct, ${answered.length} answered`);
    for (const question of answered) {
      const chosen = visibleText(question.chosen ?? '');
      lines.push(`    ${question.id}. ${chosen} ${question.status === 'pass' ? 'correct' : 'wrong'}: ${visibleText(question.feedback ?? '')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatFinding(finding: Finding, input: string | undefined): string[] {
  const where = finding.line === undefined ? '' : `${input ? `${visibleText(input)} ` : ''}${finding.line}:${finding.column}: `;
  const lines = [`          ${where}${finding.severity} ${finding.code}: ${visibleText(finding.message)}`];
  if (finding.hint) lines.push(`            hint: ${visibleText(finding.hint)}`);
  return lines;
}
