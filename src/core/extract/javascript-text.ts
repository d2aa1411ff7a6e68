/**
 * JavaScript string and template literals (ECMAScript 2024 rules) and the
 * `String(value)` conversion that `+` and template literals apply.
 */
import { TextBuilder, Unreadable, type Value } from './values.ts';

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const LINE_TERMINATORS = new Set(['\n', '\r', '\u2028', '\u2029']);

export interface JavaScriptTextOptions {
  /** A template literal: no legacy octal escapes, and CRLF or CR read as LF. */
  template: boolean;
  /** `String.raw`: escapes stay as written. */
  raw: boolean;
}

/** Appends the decoded text of `code[start, end)`, part of a literal body without `${...}` fields. */
export function decodeJavaScriptBody(
  code: string,
  start: number,
  end: number,
  options: JavaScriptTextOptions,
  out: TextBuilder,
): void {
  let run = start;
  const flush = (to: number): void => {
    if (to > run) out.push(code.slice(run, to), run, true);
  };

  for (let i = start; i < end; ) {
    const char = code[i];
    if (char === '\r' && options.template) {
      flush(i);
      out.push('\n', i);
      i += code[i + 1] === '\n' ? 2 : 1;
      run = i;
    } else if (char === '\\' && !options.raw) {
      flush(i);
      i = decodeEscape(code, i, end, options, out);
      run = i;
    } else if (char === '\\') {
      // A raw template keeps the backslash and the character after it, which cannot end the literal.
      i += 2;
    } else {
      i += 1;
    }
  }
  flush(end);
}

/** Appends one escape sequence starting at `code[at]` (a backslash) and returns the offset after it. */
function decodeEscape(code: string, at: number, end: number, options: JavaScriptTextOptions, out: TextBuilder): number {
  const next = code[at + 1] ?? '';
  if (LINE_TERMINATORS.has(next)) return next === '\r' && code[at + 2] === '\n' ? at + 3 : at + 2;

  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) {
    out.push(simple, at);
    return at + 2;
  }
  if (next === 'x') return decodeHex(code, at, at + 2, 2, out);
  if (next === 'u' && code[at + 2] === '{') return decodeCodePoint(code, at, end, out);
  if (next === 'u') return decodeHex(code, at, at + 2, 4, out);

  if (/[0-7]/.test(next)) return decodeOctal(code, at, end, options, out);
  // Any other character, `\8` and `\9` included, stands for itself.
  const codePoint = code.codePointAt(at + 1) ?? 0;
  const character = String.fromCodePoint(codePoint);
  out.push(character, at);
  return at + 1 + character.length;
}

function decodeHex(code: string, at: number, digitsAt: number, length: number, out: TextBuilder): number {
  const digits = code.slice(digitsAt, digitsAt + length);
  if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== length) throw badEscape(code, at, digitsAt + digits.length);
  out.push(String.fromCharCode(parseInt(digits, 16)), at);
  return digitsAt + length;
}

function decodeCodePoint(code: string, at: number, end: number, out: TextBuilder): number {
  const close = code.indexOf('}', at);
  const digits = close === -1 || close >= end ? '' : code.slice(at + 3, close);
  const codePoint = /^[0-9a-fA-F]{1,8}$/.test(digits) ? parseInt(digits, 16) : -1;
  if (codePoint < 0 || codePoint > 0x10ffff) throw badEscape(code, at, close === -1 ? at + 3 : close + 1);
  out.push(String.fromCodePoint(codePoint), at);
  return close + 1;
}

/** `\0` is NUL; other octal escapes are legacy (sloppy-mode strings only) and invalid in templates. */
function decodeOctal(code: string, at: number, end: number, options: JavaScriptTextOptions, out: TextBuilder): number {
  if (code[at + 1] === '0' && !/[0-9]/.test(code[at + 2] ?? '')) {
    out.push('\u0000', at);
    return at + 2;
  }
  const digits = /^(?:[0-3][0-7]{0,2}|[4-7][0-7]?)/.exec(code.slice(at + 1, Math.min(end, at + 4)))?.[0] ?? '0';
  if (options.template) throw badEscape(code, at, at + 1 + digits.length);
  out.push(String.fromCharCode(parseInt(digits, 8)), at);
  return at + 1 + digits.length;
}

function badEscape(code: string, at: number, to: number): Unreadable {
  return new Unreadable('RUNTIME_ERROR', at, to, { error: 'SyntaxError', detail: 'bad-escape', text: code.slice(at, to) });
}

/** Returns `String(value)`; arrays join their items with commas, as `Array.prototype.join` does. */
export function javascriptString(value: Value): string {
  switch (value.type) {
    case 'str':
      return value.text;
    case 'num':
      return String(value.value);
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'undefined':
      return 'undefined';
    case 'list':
      return value.items
        .map((item) => (item.type === 'null' || item.type === 'undefined' ? '' : javascriptString(item)))
        .join(',');
    case 'dict':
      return '[object Object]';
  }
}

/** Returns `typeof`-style names for error data: string, number, object and so on. */
export function javascriptTypeName(value: Value): string {
  switch (value.type) {
    case 'str':
      return 'string';
    case 'num':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'null':
      return 'null';
    case 'undefined':
      return 'undefined';
    case 'list':
      return 'array';
    case 'dict':
      return 'object';
  }
}

/** Characters that `String.prototype.trim` removes: WhiteSpace and LineTerminator. */
export const JAVASCRIPT_WHITESPACE = /[\t\n\v\f\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
