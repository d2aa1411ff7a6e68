/**
 * Writes regraded rows as JUnit XML, the report format CI servers read.
 * Each submission is a `<testsuite>` with one `<testcase>` per step and per
 * quiz question. A flagged row adds a failed `verification` case, and an
 * unreadable input is one `<error>` case.
 */
import type { RegradeRow } from './regrade.ts';
import { findingLine, rowMessage } from './row-text.ts';
import { visibleText } from './visible-text.ts';

export const JUNIT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lab-check">\n';
export const JUNIT_TAIL = '</testsuites>\n';

interface Case {
  name: string;
  failure?: { type: string; message: string; body: string };
  error?: { type: string; message: string };
}

export function junitSuite(row: RegradeRow): string {
  const cases = casesOf(row);
  const failures = cases.filter((c) => c.failure).length;
  const errors = cases.filter((c) => c.error).length;
  const suiteName = visibleText(row.learner || row.source);
  const lines = [
    `  <testsuite name="${xml(suiteName)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0">`,
    `    <properties><property name="source" value="${xml(visibleText(row.source))}"/>` +
      (row.report ? `<property name="lab" value="${xml(row.report.lab)}"/><property name="grader" value="${xml(row.report.grader)}"/>` : '') +
      '</properties>',
  ];
  for (const c of cases) {
    const open = `    <testcase classname="${xml(suiteName)}" name="${xml(c.name)}"`;
    if (c.error) lines.push(`${open}><error type="${xml(c.error.type)}" message="${xml(c.error.message)}"/></testcase>`);
    else if (c.failure) {
      lines.push(
        `${open}><failure type="${xml(c.failure.type)}" message="${xml(c.failure.message)}">${xml(c.failure.body)}</failure></testcase>`,
      );
    } else lines.push(`${open}/>`);
  }
  lines.push('  </testsuite>');
  return `${lines.join('\n')}\n`;
}

export function writeJunit(rows: readonly RegradeRow[]): string {
  return JUNIT_HEAD + rows.map(junitSuite).join('') + JUNIT_TAIL;
}

function casesOf(row: RegradeRow): Case[] {
  if (row.error) return [{ name: 'read', error: { type: row.error.code, message: rowMessage(row) } }];
  const report = row.report;
  if (!report) return [];

  const cases: Case[] = report.steps.map((step) => {
    const name = `${step.id}: ${step.title}`;
    if (step.status === 'pass') return { name };
    const lines = step.findings.map((finding) => findingLine(finding, step.foundIn));
    if (step.hint) lines.push(`hint: ${step.hint}`);
    const message = visibleText(step.findings[0]?.message ?? step.status);
    return { name, failure: { type: step.status, message, body: lines.join('\n') } };
  });
  for (const question of report.quiz) {
    const name = `quiz ${question.id}: ${question.text}`;
    if (question.status === 'pass') cases.push({ name });
    else {
      const message = question.status === 'missing' ? 'Not answered.' : `Chose ${visibleText(question.chosen ?? '')}.`;
      cases.push({ name, failure: { type: question.status, message, body: visibleText(question.feedback ?? '') } });
    }
  }
  if (row.flags.length > 0) {
    const body = row.flags.map((flag) => `${flag.code}: ${visibleText(flag.message)}`).join('\n');
    cases.push({ name: 'verification', failure: { type: 'flagged', message: rowMessage(row), body } });
  }
  return cases;
}

/** Escapes text for XML 1.0 content and attributes; characters XML cannot hold become U+FFFD. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
