/**
 * The code texts of one submission with the lines its findings point at,
 * for the detail view: the one code text, or one text per step.
 */
import type { SubmissionInput } from '../core/engine/grade.ts';
import type { SubmissionReport } from '../core/engine/report.ts';
import type { Finding } from '../core/findings.ts';

/** The maximum number of lines shown of one code text; a longer text is cut with a note. */
export const MAX_SHOWN_LINES = 2000;

export interface CodeText {
  /** "code" for the one code text, or the step id of a step's text. */
  name: string;
  lines: string[];
  /** Lines not shown because the text is longer than MAX_SHOWN_LINES. */
  hiddenLines: number;
  /** 1-based line number to the findings that span it. */
  marks: Map<number, Finding[]>;
}

export function codeTexts(input: SubmissionInput, report: SubmissionReport | undefined): CodeText[] {
  const texts: CodeText[] = [];
  if (typeof input.code === 'string') texts.push(codeText('code', input.code, findingsIn(report, undefined)));
  for (const [stepId, code] of Object.entries(input.steps ?? {})) {
    texts.push(codeText(stepId, code, findingsIn(report, stepId)));
  }
  return texts;
}

/** Collects the findings located in one code text: the single text when `input` is undefined. */
function findingsIn(report: SubmissionReport | undefined, input: string | undefined): Finding[] {
  if (!report) return [];
  const found: Finding[] = [];
  for (const step of report.steps) {
    if (step.foundIn === input) found.push(...step.findings.filter((finding) => finding.line !== undefined));
  }
  for (const finding of report.findings) {
    const from = typeof finding.data?.input === 'string' ? finding.data.input : undefined;
    if (from === input && finding.line !== undefined) found.push(finding);
  }
  return found;
}

function codeText(name: string, code: string, findings: Finding[]): CodeText {
  const all = code.split(/\r\n|\r|\n/);
  const lines = all.slice(0, MAX_SHOWN_LINES);
  const marks = new Map<number, Finding[]>();
  for (const finding of findings) {
    const first = finding.line ?? 1;
    const last = Math.max(first, Math.min(finding.endLine ?? first, first + lines.length));
    for (let line = first; line <= last; line += 1) {
      const list = marks.get(line) ?? [];
      if (!list.includes(finding)) list.push(finding);
      marks.set(line, list);
    }
  }
  return { name, lines, hiddenLines: all.length - lines.length, marks };
}
