/** Locations of parameter values, so that findings about them point into the right text. */
import { spanAt, type Span } from '../findings.ts';
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

/** Converts offsets to 1-based lines and columns quickly, for texts with many findings. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (this.starts[low] ?? 0) + 1 };
  }

  span(start: number, end: number): Span {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
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
