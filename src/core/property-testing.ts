/**
 * Helpers for the property tests of the parsers in src/core: a per-input
 * time bound and a check that a reported position lies inside the text.
 * Only tests import this module, because it imports fast-check.
 */
import fc from 'fast-check';
import type { Finding } from './findings.ts';

/** Any UTF-16 text, or printable ASCII, up to 2,000 code units. */
export const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 2000 }),
);

/**
 * The CPU time one input may take. It is generous because test machines
 * are shared and noisy, and garbage collection counts too; a hang or a
 * quadratic blow-up on a few kilobytes takes far longer.
 */
export const PROPERTY_TIME_LIMIT_MS = 1000;

/**
 * Runs `run` and returns its result with the CPU milliseconds the process
 * spent on it. CPU time, not wall time, because another job on a shared
 * machine stretches wall time without any fault of the code under test.
 */
export function timed<T>(run: () => T): { result: T; elapsed: number } {
  const started = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(started);
  return { result, elapsed: (used.user + used.system) / 1000 };
}

/** Throws when `run` takes longer than `PROPERTY_TIME_LIMIT_MS`; returns its result. */
export function withinTimeLimit<T>(run: () => T, what: string): T {
  const { result, elapsed } = timed(run);
  if (elapsed > PROPERTY_TIME_LIMIT_MS) {
    throw new Error(`${what} took ${elapsed.toFixed(0)} ms of CPU time, more than ${PROPERTY_TIME_LIMIT_MS} ms`);
  }
  return result;
}

/** Returns the lengths of the lines of `text`, split at `\n` as `positionAt` counts them. */
export function lineLengths(text: string): number[] {
  return text.split('\n').map((line) => line.length);
}

/** Returns the lengths of the lines of learner code, which `CodeLines` ends at CRLF, CR and LF. */
export function codeLineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/**
 * Returns why a 1-based line and column lies outside `text`, or undefined
 * when it is inside. A column may be one past the end of its line (the end
 * of a span, or a position at the end of the text).
 */
export function positionProblem(lines: readonly number[], line: number, column: number): string | undefined {
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return `line ${line} of ${lines.length}`;
  const length = lines[line - 1] ?? 0;
  if (!Number.isInteger(column) || column < 1 || column > length + 1) {
    return `column ${column} on line ${line} of ${length} characters`;
  }
  return undefined;
}

/**
 * Returns why a finding's span is outside `text` or reversed, or undefined
 * when it is inside. `lines` are the text's line lengths: `lineLengths` for
 * JSON and commands, `codeLineLengths` for learner code.
 */
export function findingSpanProblem(text: string, finding: Finding, lines = lineLengths(text)): string | undefined {
  const where = (problem: string) => `${finding.code}: ${problem}`;
  if (finding.line === undefined) return finding.column === undefined ? undefined : where('a column without a line');

  const start = positionProblem(lines, finding.line, finding.column ?? 1);
  if (start) return where(start);
  if (finding.endLine === undefined) return undefined;

  const end = positionProblem(lines, finding.endLine, finding.endColumn ?? 1);
  if (end) return where(`end ${end}`);
  const reversed =
    finding.endLine < finding.line || (finding.endLine === finding.line && (finding.endColumn ?? 1) < (finding.column ?? 1));
  return reversed ? where(`span ends at ${finding.endLine}:${finding.endColumn} before ${finding.line}:${finding.column}`) : undefined;
}

/** Returns why a 0-based offset range lies outside a text of `length`, or undefined when it is inside. */
export function offsetProblem(length: number, start: number, end: number): string | undefined {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `offsets ${start}..${end} are not integers`;
  if (start < 0 || end > length || start > end) return `offsets ${start}..${end} outside 0..${length}`;
  return undefined;
}
