/**
 * The AWS CLI's shorthand syntax (`Key=team,Value=lab`, `a=[x,y]`, `{k=v}`), ported from awscli's
 * `shorthand.ShorthandParser` (aws-cli 2.9.19) with the same character classes, comma lists and
 * backtracking, so that a value parses here exactly when it parses there. The parser records the
 * range of each value so that findings can point into the learner's text.
 */
import { childPath, type PyDict, type PyValue, type RangeMap } from './values.ts';

export interface ShorthandError {
  kind: 'syntax' | 'duplicate-key';
  index: number;
  /** The expected character or token name, for syntax errors. */
  expected?: string;
  /** The character found, or `EOF`, for syntax errors. */
  actual?: string;
  key?: string;
}

export type ShorthandResult = { value: PyDict; ranges: RangeMap } | { error: ShorthandError };

// Character classes of awscli's shorthand parser, written out with explicit code points.
const START_WORD = '!#-&(-+\\--<>-Z\\\\-z|-\\uffff';
const FIRST_FOLLOW = '\\s!#-&(-+\\--\\\\^-|~-\\uffff';
const SECOND_FOLLOW = '\\s!#-&(-+\\--<>-\\uffff';
// Sticky (`y`) patterns match at `lastIndex`, so the input is never copied.
const FIRST_VALUE = new RegExp(`(?:\\\\,|[${START_WORD}])(?:\\\\,|[${FIRST_FOLLOW}])*`, 'y');
const SECOND_VALUE = new RegExp(`(?:\\\\,|[${START_WORD}])(?:\\\\,|[${SECOND_FOLLOW}])*`, 'y');
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/y;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/y;
const KEY_CHAR = /[A-Za-z0-9\-_.#/:]/;
/** Python's `string.whitespace`. */
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);

class SyntaxFailure {
  constructor(readonly error: ShorthandError) {}
}

class ShorthandParser {
  private index = 0;
  readonly ranges: RangeMap = new Map();

  constructor(private readonly input: string) {}

  parameter(): PyDict {
    const params: PyDict = new Map();
    this.keyValue(params, '');
    let lastIndex = this.index;
    while (this.index < this.input.length) {
      this.expect(',', true);
      const key = this.keyValue(params, '');
      if (key.duplicate) {
        throw new SyntaxFailure({ kind: 'duplicate-key', index: lastIndex + 1, key: key.name });
      }
      lastIndex = this.index;
    }
    return params;
  }

  /** Reads `key=value`; its range covers the key too, so that a misspelt key is underlined. */
  private keyValue(params: PyDict, parent: string): { name: string; duplicate: boolean } {
    const start = this.index;
    const name = this.key();
    this.expect('=', true);
    const path = childPath(parent, name);
    const value = this.values(path);
    const duplicate = params.has(name);
    if (!duplicate) {
      params.set(name, value);
      this.ranges.set(path, [start, this.index]);
    }
    return { name, duplicate };
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHAR.test(this.current())) this.index += 1;
    return this.input.slice(start, this.index);
  }

  private values(path: string): PyValue {
    if (this.atEof()) return '';
    if (this.current() === '[') return this.explicitList(path);
    if (this.current() === '{') return this.hashLiteral(path);
    return this.csvValue(path);
  }

  private csvValue(path: string): PyValue {
    const firstStart = this.index;
    const first = this.firstValue();
    const firstEnd = this.index;
    this.consumeWhitespace();
    if (this.atEof() || this.current() !== ',') return first;
    this.expect(',', true);
    const list: string[] = [first];
    const ranges: Array<[number, number]> = [[firstStart, firstEnd]];
    // awscli raises and catches a syntax error to end the list; this takes the same branches
    // without exceptions, which cost more than the parsing itself.
    for (;;) {
      const start = this.index;
      const current = this.trySecondValue();
      if (current === undefined) {
        if (this.atEof()) throw this.failure('<second>', '<none>');
        this.backtrackTo(',');
        break;
      }
      const end = this.index;
      this.consumeWhitespace();
      if (this.atEof()) {
        list.push(current);
        ranges.push([start, end]);
        break;
      }
      if (this.current() !== ',') {
        this.backtrackTo(',');
        break;
      }
      this.index += 1;
      this.consumeWhitespace();
      list.push(current);
      ranges.push([start, end]);
    }
    if (list.length === 1) return first;
    ranges.forEach((range, i) => this.ranges.set(childPath(path, i), range));
    return list;
  }

  private explicitList(path: string): PyValue[] {
    this.expect('[', true);
    const values: PyValue[] = [];
    while (this.current() !== ']') {
      const start = this.index;
      const itemPath = childPath(path, values.length);
      values.push(this.explicitValues(itemPath));
      this.ranges.set(itemPath, [start, this.index]);
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValues(path: string): PyValue {
    if (this.current() === '[') return this.explicitList(path);
    if (this.current() === '{') return this.hashLiteral(path);
    return this.firstValue();
  }

  private hashLiteral(path: string): PyDict {
    this.expect('{', true);
    const values: PyDict = new Map();
    while (this.current() !== '}') {
      const start = this.index;
      const key = this.key();
      this.expect('=', true);
      const itemPath = childPath(path, key);
      const value = this.explicitValues(itemPath);
      const end = this.index;
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      values.set(key, value);
      this.ranges.set(itemPath, [start, end]);
    }
    this.expect('}');
    return values;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    const match = this.matchAt(FIRST_VALUE);
    if (!match) return '';
    this.index += match[0].length;
    return pythonRstrip(match[0].replaceAll('\\,', ','));
  }

  /** Reads a later item of a comma list; undefined where awscli's `_second_value` raises. */
  private trySecondValue(): string | undefined {
    const quote = this.current();
    if (quote === "'" || quote === '"') {
      const match = this.matchAt(quote === "'" ? SINGLE_QUOTED : DOUBLE_QUOTED);
      if (!match) return undefined;
      this.index += match[0].length;
      return match[0].slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
    }
    const match = this.matchAt(SECOND_VALUE);
    if (!match) return undefined;
    this.index += match[0].length;
    return pythonRstrip(match[0].replaceAll('\\,', ','));
  }

  private quoted(pattern: RegExp, quote: string): string {
    const match = this.matchAt(pattern);
    if (!match) throw this.failure(quote === "'" ? '<singled quoted>' : '<double quoted>', '<none>');
    this.index += match[0].length;
    return match[0].slice(1, -1).replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
  }

  private matchAt(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.index;
    return pattern.exec(this.input);
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.atEof()) throw this.failure(char, 'EOF');
    const actual = this.current();
    if (actual !== char) throw this.failure(char, actual);
    this.index += 1;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private failure(expected: string, actual: string): SyntaxFailure {
    return new SyntaxFailure({ kind: 'syntax', index: this.index, expected, actual });
  }

  private current(): string {
    return this.input[this.index] ?? '';
  }

  private atEof(): boolean {
    return this.index >= this.input.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.input[this.index] !== char) this.index -= 1;
  }

  private consumeWhitespace(): void {
    while (!this.atEof() && WHITESPACE.has(this.current())) this.index += 1;
  }
}

/** Python's `str.rstrip()` without arguments. */
function pythonRstrip(text: string): string {
  return text.replace(/[\s\x1c-\x1f\x85]+$/, '');
}

/** Parses a shorthand value such as `Key=team,Value=lab`. */
export function parseShorthand(input: string): ShorthandResult {
  const parser = new ShorthandParser(input);
  try {
    const value = parser.parameter();
    parser.ranges.set('', [0, input.length]);
    return { value, ranges: parser.ranges };
  } catch (failure) {
    if (failure instanceof SyntaxFailure) return { error: failure.error };
    throw failure;
  }
}
