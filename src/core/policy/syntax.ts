/**
 * Strict JSON parsing with positions, and a diagnosis of the syntax faults
 * learners make most: each becomes one `fault` that the message table turns
 * into a targeted hint.
 */
import { parse, type DocumentNode } from '@humanwhocodes/momoa';

export type SyntaxFault =
  | 'empty'
  | 'byte-order-mark'
  | 'trailing-comma'
  | 'single-quote'
  | 'smart-quote'
  | 'comment'
  | 'python-literal'
  | 'unquoted-key'
  | 'missing-comma'
  | 'missing-colon'
  | 'unusual-space'
  | 'unclosed-bracket'
  | 'unclosed-string'
  | 'control-character'
  | 'extra-text'
  | 'yaml'
  | 'missing-braces'
  | 'unexpected';

export interface JsonSyntaxError {
  fault: SyntaxFault;
  /** 0-based offset where the fault is reported. */
  offset: number;
  /** 0-based offset where the highlighted text ends. */
  endOffset: number;
  data: Record<string, string>;
}

export type ParseResult = { ok: true; document: DocumentNode } | { ok: false; error: JsonSyntaxError };

const SMART_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2018', '\u2019', '\u201a', '\u2033', '\u00ab', '\u00bb']);
const PYTHON_LITERALS: Record<string, string> = { True: 'true', False: 'false', None: 'null' };
const VALUE_END = /["\d}\]el]/;
/** No-break and other Unicode spaces, which copying from a web page or a word processor brings in. */
const UNUSUAL_SPACES = /^[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]$/;

function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Parses `text` as strict JSON (RFC 8259); never throws. */
export function parseJson(text: string, controlCharacterAt = -1): ParseResult {
  if (text.trim() === '') return failure('empty', 0, 0);
  if (text.charCodeAt(0) === 0xfeff) return failure('byte-order-mark', 0, 1);
  if (controlCharacterAt >= 0) {
    return failure('control-character', controlCharacterAt, controlCharacterAt + 1, {
      character: `U+${text.charCodeAt(controlCharacterAt).toString(16).toUpperCase().padStart(4, '0')}`,
    });
  }
  try {
    return { ok: true, document: parse(text, { mode: 'json' }) };
  } catch (error) {
    const offset = typeof (error as { offset?: unknown }).offset === 'number' ? (error as { offset: number }).offset : 0;
    const message = error instanceof Error ? error.message : '';
    return { ok: false, error: diagnose(text, offset, message) };
  }
}

function failure(fault: SyntaxFault, offset: number, endOffset: number, data: Record<string, string> = {}): ParseResult {
  return { ok: false, error: { fault, offset, endOffset, data } };
}

function diagnose(text: string, offset: number, message: string): JsonSyntaxError {
  const unclosed = findUnclosed(text);
  const found = text[offset] ?? '';
  const at = (fault: SyntaxFault, data: Record<string, string> = {}, length = 1): JsonSyntaxError => ({
    fault,
    offset,
    endOffset: Math.min(text.length, offset + length),
    data,
  });

  if (unclosed.stringAt >= 0) {
    return { fault: 'unclosed-string', offset: unclosed.stringAt, endOffset: unclosed.stringAt + 1, data: {} };
  }
  if (looksLikeYaml(text)) return { fault: 'yaml', offset: 0, endOffset: 0, data: {} };
  const keyAtStart = /^\s*"(?:[^"\\]|\\.)*"\s*:/.exec(text);
  if (keyAtStart) {
    const start = text.indexOf('"');
    return { fault: 'missing-braces', offset: start, endOffset: start + 1, data: {} };
  }
  if (UNUSUAL_SPACES.test(found)) return at('unusual-space', { character: codePointName(found) });
  if (found === "'") return at('single-quote');
  if (SMART_QUOTES.has(found)) return at('smart-quote', { quote: found });
  if (found === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*')) return at('comment', {}, 2);
  if (found === '#') return at('comment');

  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset, offset + 64))?.[0];
  if (word && word in PYTHON_LITERALS) {
    return at('python-literal', { literal: word, expected: PYTHON_LITERALS[word] ?? '' }, word.length);
  }
  if (word && /^\s*:/.test(text.slice(offset + word.length, offset + word.length + 16))) {
    return at('unquoted-key', { key: word }, word.length);
  }

  const previous = previousNonWhitespace(text, offset);
  const token = /Unexpected token (\w+)/.exec(message)?.[1];
  if ((token === 'RBrace' || token === 'RBracket') && text[previous] === ',') {
    return { fault: 'trailing-comma', offset: previous, endOffset: previous + 1, data: {} };
  }
  if (message.startsWith('Unexpected end of input') || isAtEnd(text, offset, unclosed.openers)) {
    const opener = unclosed.openers.at(-1);
    if (opener !== undefined) {
      return { fault: 'unclosed-bracket', offset: opener, endOffset: opener + 1, data: { bracket: text[opener] ?? '' } };
    }
  }
  if (unclosed.openers.length === 0 && unclosed.rootEnd >= 0 && offset > unclosed.rootEnd) {
    return at('extra-text', { found }, 1);
  }
  if (token && ['String', 'LBrace', 'LBracket', 'Number', 'Boolean', 'Null'].includes(token)) {
    if (text[previous] === '"' && followsKey(text, previous)) return at('missing-colon');
    if (previous >= 0 && VALUE_END.test(text[previous] ?? '')) return at('missing-comma');
  }
  return at('unexpected', { found: found === '' ? 'end of text' : found });
}

/** Tells whether only one token follows `offset`, because the parser reports a truncated array at its last token. */
function isAtEnd(text: string, offset: number, openers: number[]): boolean {
  if (openers.length === 0) return false;
  return !/\S/.test(text.slice(offset).replace(/^("(?:[^"\\]|\\.)*"|[^\s,\]}]+)/, ''));
}

/**
 * Tells whether the string that ends at `quoteEnd` is an object key: it
 * opens right after { or a comma inside an object.
 */
function followsKey(text: string, quoteEnd: number): boolean {
  let start = quoteEnd - 1;
  while (start >= 0 && !(text[start] === '"' && text[start - 1] !== '\\')) start--;
  const before = text[previousNonWhitespace(text, start)];
  if (before === '{') return true;
  return before === ',' && innermostContainer(text, start) === '{';
}

/** Returns the innermost bracket still open at `offset`, outside strings. */
function innermostContainer(text: string, offset: number): string | undefined {
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') open.push(c);
    else if (c === '}' || c === ']') open.pop();
  }
  return open.at(-1);
}

function previousNonWhitespace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}

/** Tells whether the text starts like a YAML policy (`Version: ...`, unquoted), which CloudFormation accepts but IAM does not. */
function looksLikeYaml(text: string): boolean {
  return /^\s*(---\s*\n)?\s*(Version|Statement|AWSTemplateFormatVersion)\s*:/.test(text);
}

/** Brackets still open at the end of the text, the unterminated string, and where the first root value ends. */
function findUnclosed(text: string): { openers: number[]; stringAt: number; rootEnd: number } {
  const openers: number[] = [];
  let stringAt = -1;
  let rootEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (stringAt >= 0) {
      if (c === '\\') i++;
      else if (c === '"') stringAt = -1;
      continue;
    }
    if (c === '"') stringAt = i;
    else if (c === '{' || c === '[') openers.push(i);
    else if (c === '}' || c === ']') {
      openers.pop();
      if (openers.length === 0 && rootEnd === -1) rootEnd = i;
    }
  }
  return { openers, stringAt, rootEnd };
}
