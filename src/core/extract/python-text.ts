/**
 * Python string literals and text conversions: decoding a literal of any
 * prefix and quote (Python 3.12 rules), and `str()` / `repr()` of values.
 */
import { pythonNumberText } from './json.ts';
import { TextBuilder, Unreadable, notStatic, type Budget, type StrValue, type Value } from './values.ts';

/** Prefix letters and quote of a literal, with the offsets of its body. */
export interface PythonLiteral {
  prefix: string;
  quote: string;
  raw: boolean;
  bytes: boolean;
  format: boolean;
  bodyStart: number;
  bodyEnd: number;
}

/** Reads the prefix and quotes of the literal at `code[from, to)`, or throws when it is not closed. */
export function readPythonLiteral(code: string, from: number, to: number): PythonLiteral {
  let position = from;
  while (position < to && /[rRbBuUfF]/.test(code[position] ?? '')) position += 1;
  const prefix = code.slice(from, position);
  const quoteChar = code[position];
  const triple = quoteChar !== undefined && code.startsWith(quoteChar.repeat(3), position);
  let quote = quoteChar ?? '';
  if (triple) quote = quote.repeat(3);
  const bodyStart = position + quote.length;
  const bodyEnd = to - quote.length;
  const closed = quote !== '' && bodyEnd >= bodyStart && code.startsWith(quote, bodyEnd);
  if (!closed || (quote.length === 1 && bodyEnd < bodyStart)) {
    throw new Unreadable('SYNTAX_ERROR', from, to, { unclosed: true });
  }

  const lower = prefix.toLowerCase();
  return {
    prefix,
    quote,
    raw: lower.includes('r'),
    bytes: lower.includes('b'),
    format: lower.includes('f'),
    bodyStart,
    bodyEnd,
  };
}

const UNICODE_ESCAPE_LENGTHS: Record<string, number> = { u: 4, U: 8 };

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * Appends the decoded text of `code[start, end)`, a part of a literal body
 * without replacement fields. `format` turns `{{` and `}}` into braces.
 * Source newlines (CRLF, CR) read as LF, as Python reads source files.
 */
export function decodePythonBody(
  code: string,
  start: number,
  end: number,
  literal: PythonLiteral,
  out: TextBuilder,
): void {
  let run = start;
  const flush = (to: number): void => {
    if (to > run) out.push(code.slice(run, to), run, true);
  };

  for (let i = start; i < end; ) {
    const char = code[i];
    if (char === '\r') {
      flush(i);
      out.push('\n', i);
      i += code[i + 1] === '\n' ? 2 : 1;
      run = i;
    } else if (literal.format && (char === '{' || char === '}') && code[i + 1] === char) {
      flush(i);
      out.push(char, i);
      i += 2;
      run = i;
    } else if (char === '\\' && !literal.raw) {
      flush(i);
      i = decodeEscape(code, i, end, literal, out);
      run = i;
    } else {
      if (literal.bytes && code.charCodeAt(i) > 0x7f) {
        throw new Unreadable('RUNTIME_ERROR', i, i + 1, { error: 'SyntaxError', detail: 'bad-escape', text: char });
      }
      i += 1;
    }
  }
  flush(end);
}

/** Appends one escape sequence starting at `code[at]` (a backslash) and returns the offset after it. */
function decodeEscape(code: string, at: number, end: number, literal: PythonLiteral, out: TextBuilder): number {
  const next = code[at + 1] ?? '';
  if (next === '\n') return at + 2;
  if (next === '\r') return code[at + 2] === '\n' ? at + 3 : at + 2;

  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) {
    out.push(simple, at);
    return at + 2;
  }

  const octal = /^[0-7]{1,3}/.exec(code.slice(at + 1, Math.min(end, at + 4)));
  if (octal) {
    out.push(String.fromCharCode(parseInt(octal[0], 8)), at);
    return at + 1 + octal[0].length;
  }

  // \x works in str and bytes; \u, \U and \N work in str only.
  const hexLength = next === 'x' ? 2 : literal.bytes ? undefined : UNICODE_ESCAPE_LENGTHS[next];
  if (hexLength) return decodeHexEscape(code, at, end, hexLength, out);
  if (next === 'N' && !literal.bytes) return decodeNamedEscape(code, at, end, out);

  // An unknown escape keeps its backslash (Python 3.12 warns about it).
  out.push(code.slice(at, at + 2), at, true);
  return at + 2;
}

function decodeHexEscape(code: string, at: number, end: number, length: number, out: TextBuilder): number {
  const digits = code.slice(at + 2, Math.min(end, at + 2 + length));
  const codePoint = /^[0-9a-fA-F]+$/.test(digits) && digits.length === length ? parseInt(digits, 16) : -1;
  if (codePoint < 0 || codePoint > 0x10ffff) {
    const text = code.slice(at, at + 2 + digits.length);
    throw new Unreadable('RUNTIME_ERROR', at, at + 2 + digits.length, { error: 'SyntaxError', detail: 'bad-escape', text });
  }
  out.push(String.fromCodePoint(codePoint), at);
  return at + 2 + length;
}

function decodeNamedEscape(code: string, at: number, end: number, out: TextBuilder): number {
  const close = code.indexOf('}', at);
  if (code[at + 2] !== '{' || close === -1 || close >= end) {
    throw new Unreadable('RUNTIME_ERROR', at, at + 2, { error: 'SyntaxError', detail: 'bad-escape', text: '\\N' });
  }
  const name = code.slice(at + 3, close);
  const character = unicodeCharacterNamed(name);
  if (character === undefined) throw notStatic('unicode-name', { start: at, end: close + 1 }, { name });
  out.push(character, at);
  return close + 1;
}

const ASCII_PUNCTUATION_NAMES = [
  [' ', 'SPACE'], ['!', 'EXCLAMATION MARK'], ['"', 'QUOTATION MARK'], ['#', 'NUMBER SIGN'],
  ['$', 'DOLLAR SIGN'], ['%', 'PERCENT SIGN'], ['&', 'AMPERSAND'], ["'", 'APOSTROPHE'],
  ['(', 'LEFT PARENTHESIS'], [')', 'RIGHT PARENTHESIS'], ['*', 'ASTERISK'], ['+', 'PLUS SIGN'],
  [',', 'COMMA'], ['-', 'HYPHEN-MINUS'], ['.', 'FULL STOP'], ['/', 'SOLIDUS'], [':', 'COLON'],
  [';', 'SEMICOLON'], ['<', 'LESS-THAN SIGN'], ['=', 'EQUALS SIGN'], ['>', 'GREATER-THAN SIGN'],
  ['?', 'QUESTION MARK'], ['@', 'COMMERCIAL AT'], ['[', 'LEFT SQUARE BRACKET'], ['\\', 'REVERSE SOLIDUS'],
  [']', 'RIGHT SQUARE BRACKET'], ['^', 'CIRCUMFLEX ACCENT'], ['_', 'LOW LINE'], ['`', 'GRAVE ACCENT'],
  ['{', 'LEFT CURLY BRACKET'], ['|', 'VERTICAL LINE'], ['}', 'RIGHT CURLY BRACKET'], ['~', 'TILDE'],
];

/** Names and aliases of control and typographic characters that learners' code uses. */
const OTHER_NAMES: Record<string, number> = {
  NULL: 0x0, NUL: 0x0, 'CHARACTER TABULATION': 0x9, TAB: 0x9, 'LINE FEED': 0xa, LF: 0xa,
  'CARRIAGE RETURN': 0xd, CR: 0xd, SP: 0x20, 'NO-BREAK SPACE': 0xa0, NBSP: 0xa0,
  'SECTION SIGN': 0xa7, 'COPYRIGHT SIGN': 0xa9, 'REGISTERED SIGN': 0xae, 'DEGREE SIGN': 0xb0,
  'POUND SIGN': 0xa3, 'MULTIPLICATION SIGN': 0xd7, 'ZERO WIDTH SPACE': 0x200b, 'EN DASH': 0x2013,
  'EM DASH': 0x2014, 'LEFT SINGLE QUOTATION MARK': 0x2018, 'RIGHT SINGLE QUOTATION MARK': 0x2019,
  'LEFT DOUBLE QUOTATION MARK': 0x201c, 'RIGHT DOUBLE QUOTATION MARK': 0x201d, BULLET: 0x2022,
  'HORIZONTAL ELLIPSIS': 0x2026, 'EURO SIGN': 0x20ac, 'TRADE MARK SIGN': 0x2122,
  'RIGHTWARDS ARROW': 0x2192, 'CHECK MARK': 0x2713, 'ZERO WIDTH NO-BREAK SPACE': 0xfeff,
};

const DIGIT_NAMES = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

/**
 * Returns the character of a Unicode name, for the printable ASCII characters
 * and the names in `OTHER_NAMES` only, because the full Unicode name table
 * is too large to ship.
 */
export function unicodeCharacterNamed(name: string): string | undefined {
  const upper = name.toUpperCase();
  const letter = /^LATIN (CAPITAL|SMALL) LETTER ([A-Z])$/.exec(upper);
  if (letter?.[2]) return letter[1] === 'CAPITAL' ? letter[2] : letter[2].toLowerCase();
  const digit = /^DIGIT ([A-Z]+)$/.exec(upper);
  if (digit?.[1] && DIGIT_NAMES.includes(digit[1])) return String(DIGIT_NAMES.indexOf(digit[1]));
  const punctuation = ASCII_PUNCTUATION_NAMES.find(([, candidate]) => candidate === upper);
  if (punctuation) return punctuation[0];
  const other = OTHER_NAMES[upper];
  return other === undefined ? undefined : String.fromCharCode(other);
}

/** Python's type name of a value, as error messages print it. */
export function pythonTypeName(value: Value): string {
  switch (value.type) {
    case 'str':
      return value.bytes ? 'bytes' : 'str';
    case 'num':
      return value.pythonFloat ? 'float' : 'int';
    case 'bool':
      return 'bool';
    case 'null':
    case 'undefined':
      return 'NoneType';
    case 'list':
      return value.tuple ? 'tuple' : 'list';
    case 'dict':
      return 'dict';
  }
}

/** Returns `str(value)` as Python prints it; recursion is bounded by the value's depth. */
export function pythonStr(value: Value): string {
  switch (value.type) {
    case 'str':
      return value.bytes ? pythonRepr(value) : value.text;
    case 'num':
      return pythonNumberText(value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'null':
    case 'undefined':
      return 'None';
    case 'list': {
      const items = value.items.map(pythonRepr).join(', ');
      if (!value.tuple) return `[${items}]`;
      return value.items.length === 1 ? `(${items},)` : `(${items})`;
    }
    case 'dict':
      return `{${value.entries.map((entry) => `${pythonRepr(entry.key)}: ${pythonRepr(entry.value)}`).join(', ')}}`;
  }
}

/** Returns `repr(value)` as Python prints it. */
export function pythonRepr(value: Value): string {
  if (value.type !== 'str') return pythonStr(value);

  const { text } = value;
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === quote || char === '\\') body += `\\${char}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (code < 0x20 || code === 0x7f || (value.bytes && code > 0x7f)) body += `\\x${hex(code, 2)}`;
    else if (!value.bytes && !isPrintable(code)) body += codePointEscape(code);
    else body += char;
  }
  return `${value.bytes ? 'b' : ''}${quote}${body}${quote}`;
}

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

function codePointEscape(code: number): string {
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

/**
 * Approximates `str.isprintable` for repr: C1 controls, separators other than
 * the space, format characters and surrogates print escaped.
 * NOTE: unassigned code points print as themselves here, but escaped by Python.
 */
function isPrintable(code: number): boolean {
  if (code >= 0x80 && code <= 0xa0) return false;
  if (code === 0xad || code === 0x2028 || code === 0x2029 || code === 0xfeff) return false;
  if (code >= 0x200b && code <= 0x200f) return false;
  if (code >= 0x2000 && code <= 0x200a) return false;
  if (code === 0x1680 || code === 0x202f || code === 0x205f || code === 0x3000) return false;
  return code < 0xd800 || code > 0xdfff;
}

/** Characters that `str.strip()` removes: those for which `str.isspace()` is true. */
export const PYTHON_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** Returns a string value built from `text`, every character mapped to `offset`. */
export function textAt(text: string, span: { start: number; end: number }, budget: Budget): StrValue {
  const builder = new TextBuilder(budget, span);
  builder.push(text, span.start);
  const built = builder.build(span.end);
  return { type: 'str', ...built, ...span };
}
