/** Locations of parameter values, so that findings about them point into the right text. */
import { CodeLines, spanAt, type Span } from '../findings.ts';
import type { TextRange } from './values.ts';

/** One argument of the command after shell expansion, with its place in the command text. */
export interface ArgWord {
  value: string;
  /** `offsets[i]` is the command-text offset of `value[i]`; `offsets[value.length]` is the word's end. */
  offsets: Int32Array;
  start: number;
  end: number;
  /** Part of the value comes from an unknown variable or another command, so it cannot be checked. */
  unknown: boolean;
}

/** A text value and where it lives: inside a command argument, or in a referenced file. */
export type ValueText =
  | { text: string; kind: 'word'; word: ArgWord; shift: number }
  | { text: string; kind: 'file'; file: string };

/**
 * Converts offsets of a command text to 1-based lines and columns, for texts
 * with many findings. Lines end at `\n` only, because the shell reads a CR
 * as part of a word.
 */
export class LineIndex extends CodeLines {
  constructor(text: string) {
    super(text, { crEndsLine: false });
  }
}

/** Returns the command-text offsets of a range of `word.value`. */
export function wordRange(word: ArgWord, start: number, end: number): TextRange {
  const length = word.value.length;
  const from = Math.max(0, Math.min(start, length));
  const to = Math.max(from, Math.min(end, length));
  const sourceStart = word.offsets[from] ?? word.end;
  const sourceEnd = to > from ? (word.offsets[to - 1] ?? word.end) + 1 : sourceStart;
  return [sourceStart, sourceEnd];
}

/** Locates a range of a value: a span in the command, or a span in a file with `file` set. */
export function locateValue(
  lines: LineIndex, value: ValueText, range: TextRange,
): { span: Span; file?: string } {
  if (value.kind === 'file') return { span: spanAt(value.text, range[0], range[1]), file: value.file };
  const [start, end] = wordRange(value.word, range[0] + value.shift, range[1] + value.shift);
  return { span: lines.span(start, end) };
}

/** Returns the offset in `text` of a 1-based line and column. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
