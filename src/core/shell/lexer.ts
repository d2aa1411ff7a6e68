/**
 * A POSIX shell lexer for one command or script, as written by a learner.
 *
 * `lexShell(text)` returns `{ tokens, issues }`: problems in the text become issues, not
 * exceptions (property tests run it on random text). Tokens come in source order:
 * - `word`: a shell word with its quote-removed `value` and an `offsets` map from each value
 *   character back to its source offset (`offsets[value.length]` is the word's end). Single and
 *   double quotes, `$'...'`, backslash escapes and backslash-newline continuations are resolved
 *   as POSIX sh and bash do. `$name`, `${name...}`, `$( )`, backticks and `$(( ))` stay in the
 *   value as written and are listed in `expansions` with their positions; `expandWord` in
 *   expand.ts substitutes variables. `NAME=value` words carry `assignment`.
 * - `operator`: `|`, `||`, `&`, `&&`, `;`, `;;`, `(`, `)`, a newline, and redirections (`<`,
 *   `>`, `>>`, `2>`, `<<`, `<<<`, `&>`, ...), with the file descriptor digits as `ioNumber`.
 * - `comment`: `#` to the end of the line, where `#` starts a word.
 * - `heredoc`: the body of a `<<` or `<<-` redirection, after the newline that ends its line.
 *
 * `issues` lists unclosed quotes and expansions, NUL bytes, curly quotes, and the continuations
 * of other shells: a Windows `^` or a PowerShell backtick at the end of a line, and a backslash
 * followed by spaces. The lexer reads those three as continuations, marked `assumed`, so that the
 * rest of the command can still be checked, although a POSIX shell would end the command there.
 *
 * NOTE: `$( )` is matched by counting parentheses outside quotes, so a `case` pattern such as
 * `a)` inside a substitution ends it early. Aliases, globs and tilde expansion are not applied.
 */
import type {
  ShellExpansion,
  ShellHeredoc,
  ShellIssue,
  ShellLexResult,
  ShellOperatorText,
  ShellToken,
  ShellWord,
} from './types.ts';
import { CURLY_QUOTES as CURLY_QUOTE_NAMES } from './lookalikes.ts';

const CURLY_QUOTES = new Set(Object.keys(CURLY_QUOTE_NAMES));
const OPERATOR_START = new Set(['|', '&', ';', '(', ')', '<', '>']);
/** Sorted by length, longest first, so that the first match is the longest operator. */
const OPERATORS: readonly ShellOperatorText[] = [
  '<<<', '<<-', '&>>',
  '||', '&&', ';;', '>>', '>|', '<>', '<&', '>&', '<<', '&>', '|&',
  '|', '&', ';', '(', ')', '<', '>',
];
/** Characters that end a run of plain word characters, because they need their own handling. */
const SPECIAL_IN_WORD = new Set([
  ' ', '\t', '\r', '\n', '|', '&', ';', '(', ')', '<', '>', '\\', "'", '"', '$', '`', '^', '\0', ...CURLY_QUOTES,
]);
/** SPECIAL_IN_WORD as a table by character code, for the code units below 128. */
const SPECIAL_ASCII = new Uint8Array(128);
for (const char of SPECIAL_IN_WORD) if (char.charCodeAt(0) < 128) SPECIAL_ASCII[char.charCodeAt(0)] = 1;

/** A run of characters outside SPECIAL_IN_WORD; the sticky flag matches it at `lastIndex`. */
const PLAIN_RUN = new RegExp(`[^${[...SPECIAL_IN_WORD].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]+`, 'y');

function isSpecialInWord(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 ? SPECIAL_ASCII[code] === 1 : SPECIAL_IN_WORD.has(text[i] ?? '');
}
const SPECIAL_PARAMETERS = new Set(['?', '$', '!', '#', '@', '*', '-', '0']);
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\']);
const ANSI_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r';
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNameChar = (c: string | undefined): boolean =>
  isNameStart(c) || (c !== undefined && c >= '0' && c <= '9');
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface PendingHeredoc {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
}

/** Builds a word's value together with its offset map. */
class WordBuilder {
  /** Pieces of the value; `offsets` has one entry per character of their concatenation. */
  parts: string[] = [];
  offsets: number[] = [];
  quoted = false;
  expansions: ShellExpansion[] = [];

  push(char: string, offset: number): void {
    this.parts.push(char);
    this.offsets.push(offset);
  }

  /** Appends `text[from..to)` as written, each character mapping to its own offset. */
  pushRun(text: string, from: number, to: number): void {
    this.parts.push(text.slice(from, to));
    for (let i = from; i < to; i++) this.offsets.push(i);
  }

  get length(): number {
    return this.offsets.length;
  }
}

class Lexer {
  private pos = 0;
  private readonly tokens: ShellToken[] = [];
  private readonly issues: ShellIssue[] = [];
  private pendingHeredocs: PendingHeredoc[] = [];

  constructor(private readonly text: string) {}

  run(): ShellLexResult {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (isBlank(c)) {
        this.pos += 1;
      } else if (this.skipContinuation()) {
        continue;
      } else if (c === '\n') {
        this.tokens.push({ kind: 'operator', op: '\n', start: this.pos, end: this.pos + 1 });
        this.pos += 1;
        this.readHeredocBodies();
      } else if (c === '#') {
        this.readComment();
      } else if (!this.readOperator()) {
        this.readWord();
      }
    }
    for (const pending of this.pendingHeredocs) {
      this.issues.push({ code: 'unclosed-heredoc', start: text.length, end: text.length, text: pending.delimiter });
    }
    return { tokens: this.tokens, issues: this.issues };
  }

  /** Skips a line continuation between words; reports those of other shells. */
  private skipContinuation(): boolean {
    const c = this.text[this.pos];
    if (c === '\\') {
      const after = this.lineEndAfterBlanks(this.pos + 1);
      if (after === -1) return false;
      if (this.hasSpaceBeforeLineEnd(this.pos + 1)) {
        this.issues.push({ code: 'space-after-backslash', start: this.pos, end: after, assumed: true });
      }
      this.pos = after;
      return true;
    }
    if (c === '^' || c === '`') {
      const after = this.lineEndAfterBlanks(this.pos + 1);
      if (after === -1) return false;
      const code = c === '^' ? 'caret-continuation' : 'backtick-continuation';
      this.issues.push({ code, start: this.pos, end: this.pos + 1, text: c, assumed: true });
      this.pos = after;
      return true;
    }
    return false;
  }

  private hasSpaceBeforeLineEnd(from: number): boolean {
    for (let i = from; i < this.text.length && this.text[i] !== '\n'; i++) {
      if (this.text[i] === ' ' || this.text[i] === '\t') return true;
    }
    return false;
  }

  /** Returns the offset after the newline when only blanks separate `from` from it, else -1. */
  private lineEndAfterBlanks(from: number): number {
    let i = from;
    while (isBlank(this.text[i])) i += 1;
    return this.text[i] === '\n' ? i + 1 : -1;
  }

  private readComment(): void {
    const start = this.pos;
    let end = this.text.indexOf('\n', start);
    if (end === -1) end = this.text.length;
    this.tokens.push({ kind: 'comment', start, end, text: this.text.slice(start, end) });
    this.pos = end;
  }

  private readOperator(): boolean {
    const { text } = this;
    let start = this.pos;
    let ioNumber: string | undefined;
    let i = start;
    while (isDigit(text[i])) i += 1;
    if (i > start && (text[i] === '<' || text[i] === '>')) {
      ioNumber = text.slice(start, i);
    } else {
      i = start;
    }
    if (!OPERATOR_START.has(text[i] ?? '')) return false;

    const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (!op) return false;
    start = this.pos;
    this.pos = i + op.length;
    this.tokens.push({ kind: 'operator', op, start, end: this.pos, ...(ioNumber ? { ioNumber } : {}) });
    if (op === '<<' || op === '<<-') this.readHeredocDelimiter(op === '<<-');
    return true;
  }

  private readHeredocDelimiter(stripTabs: boolean): void {
    while (isBlank(this.text[this.pos])) this.pos += 1;
    const c = this.text[this.pos];
    if (c === undefined || c === '\n' || OPERATOR_START.has(c)) return;
    const word = this.readWord();
    this.pendingHeredocs.push({ delimiter: word.value, quoted: word.quoted, stripTabs });
  }

  private readHeredocBodies(): void {
    const pending = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const heredoc of pending) this.readHeredocBody(heredoc);
  }

  private readHeredocBody({ delimiter, quoted, stripTabs }: PendingHeredoc): void {
    const { text } = this;
    const bodyStart = this.pos;
    let lineStart = bodyStart;
    let bodyEnd = text.length;
    let end = text.length;
    let closed = false;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      let line = text.slice(lineStart, lineEnd);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (stripTabs) line = line.replace(/^\t+/, '');
      if (line === delimiter) {
        bodyEnd = lineStart;
        end = Math.min(lineEnd + 1, text.length);
        closed = true;
        break;
      }
      lineStart = lineEnd + 1;
    }
    const body = text.slice(bodyStart, bodyEnd);
    const expansions = quoted ? [] : scanBodyExpansions(text, bodyStart, bodyEnd);
    const token: ShellHeredoc = {
      kind: 'heredoc', delimiter, quoted, stripTabs, body, bodyStart, start: bodyStart, end, expansions, closed,
    };
    this.tokens.push(token);
    if (!closed) this.issues.push({ code: 'unclosed-heredoc', start: bodyStart, end: text.length, text: delimiter });
    this.pos = end;
  }

  private readWord(): ShellWord {
    const plain = this.readPlainWord();
    if (plain) return plain;

    const { text } = this;
    const start = this.pos;
    const word = new WordBuilder();
    while (this.pos < text.length) {
      const c = text[this.pos] ?? '';
      if (isBlank(c) || c === '\n' || OPERATOR_START.has(c)) break;
      if (c === '\\') this.readEscape(word);
      else if (c === "'") this.readSingleQuoted(word);
      else if (c === '"') this.readDoubleQuoted(word, this.pos + 1);
      else if (c === '$') this.readDollar(word, false);
      else if (c === '`') this.readBacktickOrContinuation(word);
      else if (c === '^' && this.lineEndAfterBlanks(this.pos + 1) !== -1) this.skipContinuation();
      else this.readPlain(word, c);
    }
    const token = this.finishWord(word, start);
    this.tokens.push(token);
    return token;
  }

  /** Reads a word without quotes, escapes or expansions in one step, the common case. */
  private readPlainWord(): ShellWord | undefined {
    const { text } = this;
    const start = this.pos;
    PLAIN_RUN.lastIndex = start;
    const end = PLAIN_RUN.exec(text) ? PLAIN_RUN.lastIndex : start;
    const next = text[end];
    if (end === start || !(next === undefined || isBlank(next) || next === '\n' || OPERATOR_START.has(next))) return undefined;

    const value = text.slice(start, end);
    const offsets = new Int32Array(value.length + 1);
    for (let i = 0; i <= value.length; i++) offsets[i] = start + i;
    const token: ShellWord = { kind: 'word', start, end, raw: value, value, offsets, quoted: false, expansions: [] };
    const assignment = assignmentOf(text, start, value);
    if (assignment) token.assignment = assignment;
    this.pos = end;
    this.tokens.push(token);
    return token;
  }

  private finishWord(word: WordBuilder, start: number): ShellWord {
    const value = word.parts.join('');
    // A plain loop: TypedArray.set from a short array costs more than the copy itself.
    const offsets = new Int32Array(word.length + 1);
    for (let i = 0; i < word.length; i++) offsets[i] = word.offsets[i] ?? 0;
    offsets[word.length] = this.pos;
    const token: ShellWord = {
      kind: 'word', start, end: this.pos, raw: this.text.slice(start, this.pos), value, offsets,
      quoted: word.quoted, expansions: word.expansions,
    };
    const assignment = assignmentOf(this.text, start, value);
    if (assignment) token.assignment = assignment;
    return token;
  }

  private readPlain(word: WordBuilder, c: string): void {
    if (c === '\0') this.issues.push({ code: 'nul-byte', start: this.pos, end: this.pos + 1 });
    else if (CURLY_QUOTES.has(c)) this.issues.push({ code: 'curly-quote', start: this.pos, end: this.pos + 1, text: c });
    let end = this.pos + 1;
    while (end < this.text.length && !isSpecialInWord(this.text, end)) end += 1;
    word.pushRun(this.text, this.pos, end);
    this.pos = end;
  }

  private readEscape(word: WordBuilder): void {
    const { text } = this;
    const next = text[this.pos + 1];
    if (next === undefined) {
      word.push('\\', this.pos);
      this.pos += 1;
      return;
    }
    if (next === '\n') {
      this.pos += 2;
      return;
    }
    const lineEnd = this.lineEndAfterBlanks(this.pos + 1);
    if (lineEnd !== -1) {
      if (this.hasSpaceBeforeLineEnd(this.pos + 1)) {
        this.issues.push({ code: 'space-after-backslash', start: this.pos, end: lineEnd, assumed: true });
      }
      this.pos = lineEnd;
      return;
    }
    word.quoted = true;
    word.push(next, this.pos + 1);
    this.pos += 2;
  }

  private readSingleQuoted(word: WordBuilder): void {
    const { text } = this;
    word.quoted = true;
    const close = text.indexOf("'", this.pos + 1);
    const end = close === -1 ? text.length : close;
    for (let i = this.pos + 1; i < end; i++) this.noteCharacter(word, i);
    if (close === -1) {
      this.issues.push({ code: 'unclosed-single-quote', start: this.pos, end: text.length });
      this.pos = text.length;
    } else {
      this.pos = close + 1;
    }
  }

  private noteCharacter(word: WordBuilder, i: number): void {
    const c = this.text[i] ?? '';
    if (c === '\0') this.issues.push({ code: 'nul-byte', start: i, end: i + 1 });
    word.push(c, i);
  }

  /** Reads a double-quoted string whose opening quote ends just before `from`. */
  private readDoubleQuoted(word: WordBuilder, from: number): void {
    const { text } = this;
    const open = from - 1;
    word.quoted = true;
    this.pos = from;
    while (this.pos < text.length) {
      const c = text[this.pos] ?? '';
      if (c === '"') {
        this.pos += 1;
        return;
      }
      if (c === '\\') {
        const next = text[this.pos + 1];
        if (next === '\n') {
          this.pos += 2;
        } else if (next !== undefined && DOUBLE_QUOTE_ESCAPES.has(next)) {
          word.push(next, this.pos + 1);
          this.pos += 2;
        } else {
          word.push('\\', this.pos);
          this.pos += 1;
        }
      } else if (c === '$') {
        this.readDollar(word, true);
      } else if (c === '`') {
        this.readBacktick(word, true);
      } else {
        this.noteCharacter(word, this.pos);
        this.pos += 1;
      }
    }
    this.issues.push({ code: 'unclosed-double-quote', start: open, end: text.length });
  }

  private readDollar(word: WordBuilder, quoted: boolean): void {
    const { text } = this;
    const start = this.pos;
    const next = text[start + 1];
    if (!quoted && next === "'") return this.readAnsiQuoted(word);
    if (!quoted && next === '"') return this.readDoubleQuoted(word, start + 2);
    if (next === '(' && text[start + 2] === '(') {
      const end = findClosingParen(text, start + 3, 2);
      return this.addExpansion(word, 'arithmetic', '', '', false, quoted, start, end);
    }
    if (next === '(') {
      const end = findClosingParen(text, start + 2, 1);
      return this.addExpansion(word, 'command', '', '', false, quoted, start, end);
    }
    if (next === '{') {
      const close = findClosingBrace(text, start + 2);
      const inner = text.slice(start + 2, close === -1 ? text.length : close);
      const name = parameterNameAt(inner, 0);
      const end = close === -1 ? -1 : close + 1;
      return this.addExpansion(word, 'variable', name, inner.slice(name.length), true, quoted, start, end);
    }
    const name = parameterNameAt(text, start + 1);
    if (name) return this.addExpansion(word, 'variable', name, '', false, quoted, start, start + 1 + name.length);
    word.push('$', start);
    this.pos += 1;
  }

  /** Adds an expansion ending at `end` (-1: never closed) and copies its text into the value. */
  private addExpansion(
    word: WordBuilder, kind: ShellExpansion['kind'], name: string, modifier: string, braced: boolean,
    quoted: boolean, start: number, end: number,
  ): void {
    const closed = end !== -1;
    const stop = closed ? end : this.text.length;
    if (!closed) this.issues.push({ code: 'unclosed-expansion', start, end: stop, text: this.text.slice(start, start + 2) });
    const valueStart = word.length;
    word.pushRun(this.text, start, stop);
    word.expansions.push({ kind, name, modifier, braced, quoted, start, end: stop, valueStart, valueEnd: word.length, closed });
    this.pos = stop;
  }

  private readBacktickOrContinuation(word: WordBuilder): void {
    if (this.lineEndAfterBlanks(this.pos + 1) !== -1) {
      this.skipContinuation();
      return;
    }
    this.readBacktick(word, false);
  }

  private readBacktick(word: WordBuilder, quoted: boolean): void {
    const { text } = this;
    const start = this.pos;
    let i = start + 1;
    while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
    const end = i < text.length ? i + 1 : -1;
    this.addExpansion(word, 'command', '', '', false, quoted, start, end);
  }

  private readAnsiQuoted(word: WordBuilder): void {
    const { text } = this;
    const open = this.pos;
    word.quoted = true;
    let i = open + 2;
    while (i < text.length && text[i] !== "'") {
      if (text[i] !== '\\') {
        this.noteCharacter(word, i);
        i += 1;
        continue;
      }
      const numeric = decodeAnsiNumericEscape(text, i);
      if (numeric) {
        for (const char of numeric.value) word.push(char, i);
        i += numeric.length;
      } else {
        const escape = text[i + 1] ?? '';
        const replacement = ANSI_ESCAPES[escape] ?? `\\${escape}`;
        for (const char of replacement) word.push(char, i);
        i += 2;
      }
    }
    if (i >= text.length) {
      this.issues.push({ code: 'unclosed-single-quote', start: open, end: text.length });
      this.pos = text.length;
    } else {
      this.pos = i + 1;
    }
  }
}

/**
 * Decodes the escapes of `$'...'` that take digits or a letter, as bash
 * does: `\nnn` octal, `\xHH`, `\uHHHH`, `\UHHHHHHHH` and `\cX` (the control
 * character of X). Returns undefined for any other escape at `i`.
 */
function decodeAnsiNumericEscape(text: string, i: number): { value: string; length: number } | undefined {
  const escape = text[i + 1];
  const rest = text.slice(i + 2, i + 10);
  const forms: Record<string, RegExp> = { x: /^[0-9a-fA-F]{1,2}/, u: /^[0-9a-fA-F]{1,4}/, U: /^[0-9a-fA-F]{1,8}/ };
  const pattern = escape === undefined ? undefined : forms[escape];
  if (pattern) {
    const digits = pattern.exec(rest)?.[0];
    if (!digits) return undefined;
    const codePoint = parseInt(digits, 16);
    if (codePoint > 0x10ffff) return undefined;
    return { value: String.fromCodePoint(codePoint), length: 2 + digits.length };
  }
  const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))?.[0];
  if (octal) return { value: String.fromCharCode(parseInt(octal, 8) & 0xff), length: 1 + octal.length };
  if (escape === 'c' && i + 2 < text.length) {
    return { value: String.fromCharCode(text.charCodeAt(i + 2) & 0x1f), length: 3 };
  }
  return undefined;
}

/** Returns the name of a parameter starting at `i`: an identifier, digits or a special parameter. */
function parameterNameAt(text: string, i: number): string {
  const c = text[i];
  if (isNameStart(c)) {
    let j = i + 1;
    while (isNameChar(text[j])) j += 1;
    return text.slice(i, j);
  }
  if (isDigit(c)) return c ?? '';
  return c !== undefined && SPECIAL_PARAMETERS.has(c) ? c : '';
}

/** Returns the offset after the `)` that closes `depth` open parentheses, or -1. */
function findClosingParen(text: string, from: number, depth: number): number {
  let open = depth;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === "'") i = skipPast(text, i + 1, "'");
    else if (c === '"') i = skipDoubleQuoted(text, i + 1);
    else if (c === '(') open += 1;
    else if (c === ')') {
      open -= 1;
      if (open === 0) return i + 1;
    }
    if (i === -1) return -1;
  }
  return -1;
}

/** Returns the offset of the `}` that closes a `${`, or -1. */
function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === "'") i = skipPast(text, i + 1, "'");
    else if (c === '"') i = skipDoubleQuoted(text, i + 1);
    else if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
    if (i === -1) return -1;
  }
  return -1;
}

/** Returns the offset of the closing `quote` (so that the caller's `i++` steps past it), or -1. */
function skipPast(text: string, from: number, quote: string): number {
  return text.indexOf(quote, from);
}

function skipDoubleQuoted(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Lists `$name`, `${name}` and `$( )` in an unquoted here-document body. */
function scanBodyExpansions(text: string, from: number, to: number): ShellExpansion[] {
  const expansions: ShellExpansion[] = [];
  for (let i = from; i < to; i++) {
    if (text[i] === '\\') {
      i += 1;
      continue;
    }
    if (text[i] !== '$') continue;
    const expansion = bodyExpansionAt(text, i, to);
    if (!expansion) continue;
    expansions.push(expansion);
    i = expansion.end - 1;
  }
  return expansions;
}

function bodyExpansionAt(text: string, start: number, limit: number): ShellExpansion | undefined {
  const base = { modifier: '', braced: false, quoted: true, start, valueStart: -1, valueEnd: -1, closed: true };
  const next = text[start + 1];
  if (next === '(') {
    const end = findClosingParen(text, start + 2, 1);
    const closed = end !== -1 && end <= limit;
    return { ...base, kind: 'command', name: '', end: closed ? end : limit, closed };
  }
  if (next === '{') {
    const close = findClosingBrace(text, start + 2);
    const closed = close !== -1 && close < limit;
    const inner = text.slice(start + 2, closed ? close : limit);
    const name = parameterNameAt(inner, 0);
    return { ...base, kind: 'variable', name, modifier: inner.slice(name.length), braced: true, end: closed ? close + 1 : limit, closed };
  }
  const name = parameterNameAt(text, start + 1);
  return name ? { ...base, kind: 'variable', name, end: start + 1 + name.length } : undefined;
}

/** Recognises `NAME=value`, where the name and `=` are written unquoted. */
function assignmentOf(text: string, start: number, value: string): ShellWord['assignment'] {
  if (!isNameStart(text[start])) return undefined;
  let i = start + 1;
  while (isNameChar(text[i])) i += 1;
  if (text[i] !== '=') return undefined;
  const name = text.slice(start, i);
  return value.startsWith(`${name}=`) ? { name, valueIndex: name.length + 1 } : undefined;
}

/** Splits `text` into shell tokens. Problems are returned as `issues`, not thrown. */
export function lexShell(text: string): ShellLexResult {
  return new Lexer(text).run();
}
