/**
 * An incremental CSV parser for RFC 4180 text, fed in chunks so that a
 * file of any size is read with flat memory. Records end at CRLF, LF or a
 * lone CR; a field is quoted with `"` and a quote inside it is doubled.
 * Blank lines are skipped.
 *
 * A malformed record becomes an error item with its line, and parsing goes
 * on at the line after the one where that record began, so that one broken
 * row loses no other rows. An unclosed quote is noticed at the end of the
 * text or once the record passes `maxRecordChars`, whichever comes first.
 */

export type CsvErrorCode = 'CSV_QUOTE_UNCLOSED' | 'CSV_QUOTE_STRAY' | 'CSV_RECORD_TOO_LONG';

export type CsvItem =
  | { ok: true; line: number; fields: string[] }
  | { ok: false; line: number; column?: number; code: CsvErrorCode };

/** The default maximum record length, in UTF-16 code units: room for a long code column. */
export const MAX_RECORD_CHARS = 1024 * 1024;

type Scan =
  | { kind: 'record'; fields: string[]; end: number }
  | { kind: 'incomplete' }
  | { kind: 'error'; code: CsvErrorCode; offset: number };

/**
 * The state while the rest of a broken or over-long record is dropped.
 * A broken record ends at the next line break, because its quoting cannot
 * be trusted (`quotes` is false). An over-long record is well-formed so
 * far, so it ends at the next line break outside quotes.
 */
interface Skip {
  quotes: boolean;
  quoted: boolean;
  /** True after a CR at the end of a chunk, whose LF may start the next one. */
  afterCR: boolean;
  /** True when the record has ended and only that LF is left to drop. */
  ended: boolean;
  /** The line the record starts on. */
  line: number;
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
    if (this.skip) {
      const end = this.skipThrough(chunk, 0);
      if (end === undefined) return [];
      chunk = chunk.slice(end);
    }
    this.pending += chunk;
    return this.drain(false);
  }

  /** Parses what is left once the text has ended. */
  end(): CsvItem[] {
    const items = this.drain(true);
    this.pending = '';
    if (this.skip?.quoted) {
      // An over-long record whose quote never closes took the rest of the file with it.
      items.push({ ok: false, line: this.skip.line, code: 'CSV_QUOTE_UNCLOSED' });
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
        items.push({ ok: false, line: this.line, code: 'CSV_RECORD_TOO_LONG' });
        start = this.startSkip(text, start, true);
        continue;
      }
      if (scan.kind === 'error') {
        items.push({ ok: false, line: this.line, ...columnAt(text, start, scan.offset), code: scan.code });
        start = this.startSkip(text, start, false);
        continue;
      }
      if (scan.end - start > this.maxRecordChars) {
        items.push({ ok: false, line: this.line, code: 'CSV_RECORD_TOO_LONG' });
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

  /** Starts dropping the record at `start`; returns the offset to go on from. */
  private startSkip(text: string, start: number, quotes: boolean): number {
    this.skip = { quotes, quoted: false, afterCR: false, ended: false, line: this.line };
    return this.skipThrough(text, start) ?? text.length;
  }

  /**
   * Drops text up to the end of the record being skipped and counts its
   * line breaks (CR, LF and CRLF). Returns the offset just after the
   * record, or undefined when `text` ends first.
   */
  private skipThrough(text: string, from: number): number | undefined {
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
      if (c !== 10 && c !== 13) continue;

      this.line += 1;
      if (c === 13 && i + 1 === text.length) {
        skip.afterCR = true;
        skip.ended = !skip.quoted;
        return skip.ended ? i + 1 : undefined;
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i += 1;
      if (!skip.quoted) {
        this.skip = undefined;
        return i + 1;
      }
    }
    return undefined;
  }
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
