/** Renders a submission report as a short per-step summary for a terminal. */
import type { Finding } from '../core/findings.ts';
import type { SubmissionReport } from '../core/engine/index.ts';

const STATUS_LABEL = { pass: 'pass   ', fail: 'FAIL   ', missing: 'MISSING' } as const;

export function formatReportText(report: SubmissionReport): string {
  const lines: string[] = [];
  const { earned, possible } = report.score;
  lines.push(`${report.source ?? '(input)'}: ${report.lab} ${earned}/${possible} points`);

  for (const step of report.steps) {
    lines.push(`  ${STATUS_LABEL[step.status]} ${step.id}: ${step.title}`);
    for (const finding of step.findings) lines.push(...formatFinding(finding, step.foundIn));
    if (step.hint && step.status !== 'pass') lines.push(`          ${step.hint}`);
  }
  for (const finding of report.findings) lines.push(...formatFinding(finding, undefined));

  if (report.quiz.length > 0) {
    const answered = report.quiz.filter((question) => question.status !== 'missing');
    const correct = report.quiz.filter((question) => question.status === 'pass');
    lines.push(`  quiz: ${correct.length}/${report.quiz.length} correct, ${answered.length} answered`);
    for (const question of answered) {
      lines.push(`    ${question.id}. ${question.chosen} ${question.status === 'pass' ? 'correct' : 'wrong'}: ${question.feedback ?? ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatFinding(finding: Finding, input: string | undefined): string[] {
  const where = finding.line === undefined ? '' : `${input ? `${input} ` : ''}${finding.line}:${finding.column}: `;
  const lines = [`          ${where}${finding.severity} ${finding.code}: ${finding.message}`];
  if (finding.hint) lines.push(`            hint: ${finding.hint}`);
  return lines;
}
