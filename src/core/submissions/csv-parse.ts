/**
 * An incremental CSV parser for RFC 4180 text, fed in chunks so that a
 * file of any size is read with flat memory. Records end at CRLF, LF or a
 * lone CR; a field is quoted with `"` and a quote inside it is doubled.
 * Blank lines are skipped.
 *
 * A malformed record becomes one error item with its first line, and its
 * last line when it spans several, so that no line inside a broken quoted
 * field comes out as a row of its own:
 * - a stray quote ends the record at the end of the physical line it is
 *   on, where parsing goes on without trusting the record's quotes;
 * - a quote that never closes takes the rest of the text with it, as in
 *   every spreadsheet;
 * - a record longer than `maxRecordChars` is dropped up to its real end
 *   (the next line break outside quotes), so the memory it takes stays
 *   bounded, and is reported as unclosed when that end never comes.
 */
import { pushAll } from '../push-all.ts';

export type CsvErrorCode = 'CSV_QUOTE_UNCLOSED' | 'CSV_QUOTE_STRAY' | 'CSV_RECORD_TOO_LONG';

export type CsvError = { ok: false; line: number; lastLine?: number; column?: number; code: CsvErrorCode };

export type CsvItem = { ok: true; line: number; fields: string[] } | CsvError;

/** The default maximum record length, in UTF-16 code units: room for a long code column. */
export const MAX_RECORD_CHARS = 1024 * 1024;

type Scan =
  | { kind: 'record'; fields: string[]; end: number }
  | { kind: 'incomplete' }
  | { kind: 'error'; code: CsvErrorCode; offset: number };

/**
 * The state while the rest of a broken or over-long record is dropped.
 * After a stray quote, the record ends at the next line break, because its
 * quoting cannot be trusted (`quotes` is false). An over-long record is
 * well-formed so far, so it ends at the next line break outside quotes.
 */
interface Skip {
  quotes: boolean;
  quoted: boolean;
  /** True after a CR at the end of a chunk, whose LF may start the next one. */
  afterCR: boolean;
  /** True when the record has ended and only that LF is left to drop. */
  ended: boolean;
  /** True when the last character dropped was a line break. */
  afterLineBreak: boolean;
  /** The error item, sent once the record's last line is known. */
  error: CsvError;
}

export class CsvParser {
  private pending = '';
  private line = 1;
  private started = false;
  private skip: Skip | undefined;
  private readonly maxRecordChars: number;

  constructor(options: { maxRecordChars?: number } = {}) {
    this.maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
  }

  /** Parses the records that `chunk` completes. */
  push(chunk: string): CsvItem[] {
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const items: CsvItem[] = [];
    if (this.skip) {
      const end = this.skipThrough(chunk, 0, items);
      if (end === undefined) return items;
      chunk = chunk.slice(end);
    }
    this.pending += chunk;
    pushAll(items, this.drain(false));
    return items;
  }

  /** Parses what is left once the text has ended. */
  end(): CsvItem[] {
    const items = this.drain(true);
    this.pending = '';
    const skip = this.skip;
    if (skip && !skip.ended) {
      // A dropped record whose quote never closes took the rest of the text with it.
      const code = skip.quoted ? 'CSV_QUOTE_UNCLOSED' : skip.error.code;
      items.push(spanning({ ...skip.error, code }, this.line - (skip.afterLineBreak ? 1 : 0)));
    }
    this.skip = undefined;
    return items;
  }

  private drain(final: boolean): CsvItem[] {
    const items: CsvItem[] = [];
    const text = this.pending;
    let start = 0;

    while (start < text.length && !this.skip) {
      const scan = scanRecord(text, start, final);
      if (scan.kind === 'incomplete') {
        if (text.length - start <= this.maxRecordChars) break;
        start = this.startSkip(text, start, true, { ok: false, line: this.line, code: 'CSV_RECORD_TOO_LONG' }, items);
        continue;
      }
      if (scan.kind === 'error') {
        // A chunked parse gives up on a record at the length limit, so an error past it must not decide either.
        if (scan.code !== 'CSV_QUOTE_UNCLOSED' && scan.offset - start > this.maxRecordChars) {
          start = this.startSkip(text, start, true, { ok: false, line: this.line, code: 'CSV_RECORD_TOO_LONG' }, items);
          continue;
        }
        const error: CsvError = { ok: false, line: this.line, ...columnAt(text, start, scan.offset), code: scan.code };
        if (scan.code === 'CSV_QUOTE_UNCLOSED') {
          // Only the end of the text makes a quote unclosed, so the record is all that is left.
          items.push(spanning(error, this.line + lineBreaksWithin(text, start, text.length)));
          this.line += countLineBreaks(text, start, text.length);
          start = text.length;
          continue;
        }
        this.line += countLineBreaks(text, start, scan.offset);
        start = this.startSkip(text, scan.offset, false, error, items);
        continue;
      }
      if (scan.end - start > this.maxRecordChars) {
        const error: CsvError = { ok: false, line: this.line, code: 'CSV_RECORD_TOO_LONG' };
        items.push(spanning(error, this.line + lineBreaksWithin(text, start, scan.end)));
      } else {
        const blank = scan.fields.length === 1 && scan.fields[0] === '' && text[start] !== '"';
        if (!blank) items.push({ ok: true, line: this.line, fields: scan.fields });
      }
      this.line += countLineBreaks(text, start, scan.end);
      start = scan.end;
    }

    this.pending = this.skip ? '' : text.slice(start);
    return items;
  }

  /** Starts dropping a record from `from`; returns the offset to go on from. */
  private startSkip(text: string, from: number, quotes: boolean, error: CsvError, items: CsvItem[]): number {
    this.skip = { quotes, quoted: false, afterCR: false, ended: false, afterLineBreak: false, error };
    return this.skipThrough(text, from, items) ?? text.length;
  }

  /**
   * Drops text up to the end of the record being skipped and counts its
   * line breaks (CR, LF and CRLF). Once the record ends, adds its error
   * item to `items` and returns the offset just after the record, or
   * returns undefined when `text` ends first.
   */
  private skipThrough(text: string, from: number, items: CsvItem[]): number | undefined {
    const skip = this.skip!;
    let i = from;
    if (skip.afterCR) {
      skip.afterCR = false;
      if (text.charCodeAt(i) === 10) i += 1;
      if (skip.ended) {
        this.skip = undefined;
        return i;
      }
    }
    for (; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 34 && skip.quotes) skip.quoted = !skip.quoted;
      skip.afterLineBreak = c === 10 || c === 13;
      if (!skip.afterLineBreak) continue;

      this.line += 1;
      if (c === 13 && i + 1 === text.length) {
        skip.afterCR = true;
        skip.ended = !skip.quoted;
        if (!skip.ended) return undefined;
        items.push(spanning(skip.error, this.line - 1));
        return i + 1;
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i += 1;
      if (!skip.quoted) {
        this.skip = undefined;
        items.push(spanning(skip.error, this.line - 1));
        return i + 1;
      }
    }
    return undefined;
  }
}

/** Adds the record's last line to its error item when the record spans several lines. */
function spanning(error: CsvError, lastLine: number): CsvError {
  return lastLine > error.line ? { ...error, lastLine } : error;
}

/** Parses a whole CSV text. */
export function parseCsv(text: string, options: { maxRecordChars?: number } = {}): CsvItem[] {
  const parser = new CsvParser(options);
  return [...parser.push(text), ...parser.end()];
}

function scanRecord(text: string, start: number, final: boolean): Scan {
  const fields: string[] = [];
  let i = start;

  for (;;) {
    let field: string;
    if (text[i] === '"') {
      const quoted = scanQuoted(text, i + 1, final);
      if (quoted.kind !== 'field') return quoted;
      field = quoted.value;
      i = quoted.end;
    } else {
      let j = i;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        if (c === 34) return { kind: 'error', code: 'CSV_QUOTE_STRAY', offset: j };
        j += 1;
      }
      field = text.slice(i, j);
      i = j;
    }
    fields.push(field);

    if (i >= text.length) return final ? { kind: 'record', fields, end: i } : { kind: 'incomplete' };
    const c = text[i];
    if (c === ',') {
      i += 1;
      continue;
    }
    if (c === '\n') return { kind: 'record', fields, end: i + 1 };
    if (c === '\r') {
      if (i + 1 < text.length) return { kind: 'record', fields, end: text[i + 1] === '\n' ? i + 2 : i + 1 };
      return final ? { kind: 'record', fields, end: i + 1 } : { kind: 'incomplete' };
    }
    return { kind: 'error', code: 'CSV_QUOTE_STRAY', offset: i };
  }
}

/** Scans a quoted field from just after its opening quote. */
function scanQuoted(
  text: string,
  from: number,
  final: boolean,
): { kind: 'field'; value: string; end: number } | Scan {
  let value = '';
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) {
      return final ? { kind: 'error', code: 'CSV_QUOTE_UNCLOSED', offset: from - 1 } : { kind: 'incomplete' };
    }
    value += text.slice(i, quote);
    if (quote + 1 >= text.length && !final) return { kind: 'incomplete' };
    if (text[quote + 1] !== '"') return { kind: 'field', value, end: quote + 1 };
    value += '"';
    i = quote + 2;
  }
}

/** Counts the line breaks between `start` and `end`, leaving out one at `end`, which ends the record. */
function lineBreaksWithin(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  return countLineBreaks(text, start, end) - (last === 10 || last === 13 ? 1 : 0);
}

function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) count += 1;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count += 1;
  }
  return count;
}

/** Returns the 1-based column of `offset` when it lies on the record's first line. */
function columnAt(text: string, start: number, offset: number): { column?: number } {
  const between = text.slice(start, offset);
  return /[\r\n]/.test(between) ? {} : { column: offset - start + 1 };
}
