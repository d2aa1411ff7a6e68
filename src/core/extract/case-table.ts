/** Helpers for the extraction tests: short views of an extraction that tables can compare. */
import assert from 'node:assert/strict';
import { extractAssignments, type Language, type SourceValue } from './index.ts';

export interface ValueCase {
  title: string;
  code: string;
  variable: string;
  /** The expected `SourceValue.value`. */
  value: unknown;
  kind?: SourceValue['kind'];
  quote?: string;
  serializedBy?: SourceValue['serializedBy'];
}

export interface FindingCase {
  title: string;
  code: string;
  /** Expected findings as `CODE@line:column`, optionally with `/reason` for NOT_STATIC. */
  findings: string[];
  /** The variable and the kind its value must have. */
  variable?: string;
  kind?: SourceValue['kind'];
}

/** Asserts that `variable` has the expected value, and that the extraction reports no error. */
export function checkValueCase(language: Language, entry: ValueCase): void {
  const extraction = extractAssignments(entry.code, language);
  const errors = extraction.findings.filter((finding) => finding.severity === 'error');
  assert.deepEqual(errors.map(describeFinding), [], 'no error findings');

  const assignment = extraction.assignments.get(entry.variable);
  assert.ok(assignment, `${entry.variable} is assigned`);
  const { value } = assignment;
  assert.equal(value.kind, entry.kind ?? 'string');
  assert.deepEqual(value.value, entry.value);
  if (entry.quote !== undefined) assert.equal(value.quote, entry.quote);
  if (entry.serializedBy !== undefined) assert.equal(value.serializedBy, entry.serializedBy);
  if (value.kind === 'string' || value.kind === 'bytes') checkOffsetsShape(value);
}

/** Asserts the findings of a case, compared as `CODE@line:column[/reason]` strings in order. */
export function checkFindingCase(language: Language, entry: FindingCase): void {
  const extraction = extractAssignments(entry.code, language);
  assert.deepEqual(extraction.findings.map(describeFinding), entry.findings);
  if (entry.variable !== undefined) {
    assert.equal(extraction.assignments.get(entry.variable)?.value.kind, entry.kind);
  }
}

export function describeFinding(finding: { code: string; line?: number; column?: number; data?: Record<string, unknown> }): string {
  const reason = finding.code === 'NOT_STATIC' ? `/${String(finding.data?.reason)}` : '';
  return `${finding.code}@${finding.line}:${finding.column}${reason}`;
}

/** Checks that a string value has one offset per character plus the end offset. */
function checkOffsetsShape(value: SourceValue): void {
  const text = value.value as string;
  assert.ok(value.offsets, 'a string has offsets');
  assert.equal(value.offsets.length, text.length + 1);
  assert.equal(value.offsets[text.length], value.end);
}

/** Returns the source text that each character of `variable`'s value maps to (its first source character). */
export function sourceCharacters(code: string, variable: string, language: Language): string[] {
  const value = extractAssignments(code, language).assignments.get(variable)?.value;
  assert.ok(value?.offsets, `${variable} has offsets`);
  return Array.from(value.offsets.subarray(0, -1), (offset) => code[offset] ?? '');
}

export function offsetsOf(code: string, variable: string, language: Language): number[] {
  const value = extractAssignments(code, language).assignments.get(variable)?.value;
  assert.ok(value?.offsets, `${variable} has offsets`);
  return Array.from(value.offsets);
}
