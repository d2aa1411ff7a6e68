/**
 * Maps positions inside a variable's value (a policy inside a string, say)
 * back to the learner's own code, so that a finding points at the line the
 * learner wrote.
 */
import { codeSpanAt, type Finding, type Span } from '../findings.ts';
import type { Assignment } from '../extract/index.ts';

/** A variable as the engine found it: the assignment and the code text that holds it. */
export interface ResolvedVariable {
  name: string;
  assignment: Assignment;
  code: string;
  /** The step whose code text holds the assignment, when the input had one text per step. */
  input?: string;
}

/** Returns the 0-based offset of a 1-based line and column in `text`. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/** Returns the span in the learner's code of the whole value of `variable`. */
export function valueSpan(variable: ResolvedVariable): Span {
  const { value } = variable.assignment;
  return codeSpanAt(variable.code, value.start, value.end);
}

/**
 * Returns the span in the learner's code of a span inside the string value
 * of `variable`, or the whole value's span when the characters cannot be
 * mapped one by one.
 */
export function mapValueSpan(variable: ResolvedVariable, inner: Partial<Span>): Span {
  const { value } = variable.assignment;
  const text = typeof value.value === 'string' ? value.value : undefined;
  if (!text || !value.offsets || inner.line === undefined || inner.column === undefined) {
    return valueSpan(variable);
  }

  const start = offsetOf(text, inner.line, inner.column);
  const end = offsetOf(text, inner.endLine ?? inner.line, inner.endColumn ?? inner.column);
  const sourceStart = value.offsets[start] ?? value.start;
  const sourceEnd = value.offsets[end] ?? value.end;
  return codeSpanAt(variable.code, sourceStart, Math.max(sourceStart, sourceEnd));
}

/** Moves a finding located inside the value of `variable` to the learner's code. */
export function relocate(finding: Finding, variable: ResolvedVariable): Finding {
  const span = mapValueSpan(variable, finding);
  const data = variable.input ? { ...finding.data, input: variable.input } : finding.data;
  return { ...finding, ...span, ...(data ? { data } : {}) };
}
