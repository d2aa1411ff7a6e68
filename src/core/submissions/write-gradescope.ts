/**
 * Writes a Gradescope autograder `results.json` for one regraded row: one
 * test per step and per quiz question with its score, max_score, status
 * and output. Flags go to a test that only instructors see (visibility
 * "hidden"), so a learner is not shown a verification result.
 */
import type { RegradeRow } from './regrade.ts';
import { findingLine } from './row-text.ts';
import { visibleText } from './visible-text.ts';

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: 'visible' | 'hidden' | 'after_due_date' | 'after_published';
}

export interface GradescopeResults {
  score: number;
  output: string;
  visibility: 'visible';
  stdout_visibility: 'hidden';
  tests: GradescopeTest[];
}

export function gradescopeResults(row: RegradeRow): GradescopeResults {
  const base = { visibility: 'visible', stdout_visibility: 'hidden' } as const;
  const report = row.report;
  if (row.error || !report) {
    const message = row.error?.message ?? 'The submission was not graded.';
    return { ...base, score: 0, output: `${visibleText(row.source)}: ${visibleText(message)}`, tests: [] };
  }

  const tests: GradescopeTest[] = report.steps.map((step) => {
    const lines = step.findings.map((finding) => findingLine(finding, step.foundIn));
    if (step.hint && step.status !== 'pass') lines.push(`hint: ${step.hint}`);
    return {
      name: `${step.id}: ${step.title}`,
      score: step.earned,
      max_score: step.points,
      status: step.status === 'pass' ? 'passed' : 'failed',
      output: lines.join('\n') || 'Passed.',
      visibility: 'visible',
    };
  });
  for (const question of report.quiz) {
    tests.push({
      name: `Quiz ${question.id}: ${question.text}`,
      score: question.earned,
      max_score: question.points,
      status: question.status === 'pass' ? 'passed' : 'failed',
      output: question.status === 'missing' ? 'Not answered.' : `Chose ${visibleText(question.chosen ?? '')}. ${visibleText(question.feedback ?? '')}`.trim(),
      visibility: 'visible',
    });
  }
  if (row.flags.length > 0) {
    tests.push({
      name: 'Verification of the exported claim',
      score: 0,
      max_score: 0,
      status: 'failed',
      output: row.flags.map((flag) => `${flag.code}: ${visibleText(flag.message)}`).join('\n'),
      visibility: 'hidden',
    });
  }
  return { ...base, score: report.score.earned, output: `${report.lab} graded by ${report.grader}.`, tests };
}
