/**
 * JSON as Python's `json.loads` reads it (the AWS CLI parses JSON parameter values with it):
 * integers stay distinct from floats, `NaN` and `Infinity` are accepted, a repeated key keeps its
 * last value, and control characters inside strings are rejected. The parser records the range
 * of every value so that findings can point into the learner's text.
 */
import { childPath, type PyDict, type PyValue, type RangeMap } from './values.ts';

export interface JsonError {
  index: number;
  /** Python's message, such as `Expecting ',' delimiter`. */
  reason: string;
}

export type JsonResult = { value: PyValue; ranges: RangeMap } | { error: JsonError };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** Nesting deeper than this is reported instead of parsed, as Python raises RecursionError. */
const MAX_DEPTH = 900;

class Failure {
  constructor(readonly error: JsonError) {}
}

class JsonParser {
  private index = 0;
  readonly ranges: RangeMap = new Map();

  constructor(private readonly text: string) {}

  document(): PyValue {
    this.skipWhitespace();
    const value = this.value('', 0);
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail('Extra data');
    return value;
  }

  private value(path: string, depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail('Nesting too deep');
    const start = this.index;
    const value = this.scanValue(path, depth);
    this.ranges.set(path, [start, this.index]);
    return value;
  }

  private scanValue(path: string, depth: number): PyValue {
    const c = this.text[this.index];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return this.string();
    for (const [word, value] of [['null', null], ['true', true], ['false', false], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]] as const) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('Expecting value');
    this.index += match[0].length;
    return match[1] || match[2] ? Number(match[0]) : BigInt(match[0]);
  }

  private object(path: string, depth: number): PyDict {
    const result: PyDict = new Map();
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return result;
    }
    for (;;) {
      if (this.text[this.index] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail("Expecting ':' delimiter");
      this.index += 1;
      this.skipWhitespace();
      result.set(key, this.value(childPath(path, key), depth + 1));
      this.skipWhitespace();
      const c = this.text[this.index];
      this.index += 1;
      if (c === '}') return result;
      if (c !== ',') {
        this.index -= 1;
        this.fail("Expecting ',' delimiter");
      }
      this.skipWhitespace();
    }
  }

  private array(path: string, depth: number): PyValue[] {
    const result: PyValue[] = [];
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return result;
    }
    for (;;) {
      result.push(this.value(childPath(path, result.length), depth + 1));
      this.skipWhitespace();
      const c = this.text[this.index];
      this.index += 1;
      if (c === ']') return result;
      if (c !== ',') {
        this.index -= 1;
        this.fail("Expecting ',' delimiter");
      }
      this.skipWhitespace();
    }
  }

  private string(): string {
    const start = this.index;
    this.index += 1;
    const parts: string[] = [];
    let chunk = this.index;
    for (;;) {
      const c = this.text[this.index];
      if (c === undefined) {
        this.index = start;
        this.fail('Unterminated string starting at');
      }
      if (c === '"') break;
      if (c < ' ') this.fail('Invalid control character at');
      if (c !== '\\') {
        this.index += 1;
        continue;
      }
      parts.push(this.text.slice(chunk, this.index));
      parts.push(this.escape());
      chunk = this.index;
    }
    parts.push(this.text.slice(chunk, this.index));
    this.index += 1;
    return parts.join('');
  }

  private escape(): string {
    const c = this.text[this.index + 1];
    if (c === 'u') {
      const hex = this.text.slice(this.index + 2, this.index + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape');
      this.index += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const escaped = c === undefined ? undefined : ESCAPES[c];
    if (escaped === undefined) this.fail('Invalid \\escape');
    this.index += 2;
    return escaped;
  }

  private skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.index] ?? '')) this.index += 1;
  }

  private fail(reason: string): never {
    throw new Failure({ index: this.index, reason });
  }
}

/** Parses `text` as Python's `json.loads` does. */
export function parseJson(text: string): JsonResult {
  const parser = new JsonParser(text);
  try {
    const value = parser.document();
    return { value, ranges: parser.ranges };
  } catch (failure) {
    if (failure instanceof Failure) return { error: failure.error };
    throw failure;
  }
}
