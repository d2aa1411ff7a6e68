/**
 * The values that static evaluation produces, before they become the public
 * `SourceValue`. Every value keeps the source span that produced it, and
 * strings keep the source offset of each character, so that a finding inside
 * a value (a policy inside a JSON string, say) can point at the learner's code.
 */
import type { SourceValue } from './index.ts';

/** Maximum nesting of brackets, parentheses and f-strings that evaluation follows. */
export const MAX_DEPTH = 100;
/** Maximum size of one value, in characters plus container entries. */
export const MAX_VALUE_SIZE = 1 << 23;
/** Maximum characters and entries built over one whole extraction. */
export const WORK_BUDGET = 1 << 25;

interface Span {
  start: number;
  end: number;
}

/** A source range as values store it (`start`, `end`) or as Lezer nodes do (`from`, `to`). */
export type Located = Span | { from: number; to: number };

export const spanOf = (located: Located): Span =>
  'start' in located ? { start: located.start, end: located.end } : { start: located.from, end: located.to };

export interface StrValue extends Span {
  type: 'str';
  text: string;
  /** `offsets[i]` is the source offset of `text[i]`; `offsets[text.length]` is `end`. */
  offsets: Int32Array;
  /** Quote and prefix of a single literal, such as `'`, `"""` or `rb'`. */
  quote?: string;
  /** A Python bytes literal (`b'...'`), whose characters are the byte values. */
  bytes?: boolean;
  serializedBy?: 'json.dumps' | 'JSON.stringify';
}

export interface NumValue extends Span {
  type: 'num';
  value: number;
  /** Exact decimal digits of a Python int, which may exceed a double's precision. */
  pythonInt?: bigint;
  /** A Python float, which `json.dumps` and `str()` print with a decimal point or exponent. */
  pythonFloat?: boolean;
}

export interface BoolValue extends Span {
  type: 'bool';
  value: boolean;
}

/** Python `None` or JavaScript `null`. */
export interface NullValue extends Span {
  type: 'null';
}

export interface UndefinedValue extends Span {
  type: 'undefined';
}

export interface ListValue extends Span {
  type: 'list';
  items: Value[];
  tuple?: boolean;
  size: number;
  depth: number;
}

export interface DictEntry {
  key: Value;
  value: Value;
}

export interface DictValue extends Span {
  type: 'dict';
  entries: DictEntry[];
  size: number;
  depth: number;
}

export type Value =
  | StrValue
  | NumValue
  | BoolValue
  | NullValue
  | UndefinedValue
  | ListValue
  | DictValue;

/** Reasons a value cannot be read without running the code, as `NOT_STATIC` data. */
export const NOT_STATIC_REASONS = [
  'call',
  'input',
  'file',
  'environment',
  'operator',
  'member',
  'conditional',
  'loop',
  'exception',
  'function',
  'class',
  'import',
  'comprehension',
  'unpacking',
  'mutated',
  'format-spec',
  'unicode-name',
  'json-option',
  'expression',
  'command-substitution',
  'arithmetic',
  'parameter-expansion',
  'depends',
  'array',
  'type-alias',
  'with',
  'nested-assignment',
  'global-object',
] as const;

export type NotStaticReason = (typeof NOT_STATIC_REASONS)[number];

/**
 * The reason evaluation of an expression stopped. It is thrown inside the
 * evaluators and caught at the statement that contains the expression, where
 * it becomes a finding, so it never leaves the extraction.
 */
export class Unreadable {
  constructor(
    readonly code: 'NOT_STATIC' | 'UNDEFINED_NAME' | 'RUNTIME_ERROR' | 'LIMIT_EXCEEDED' | 'SYNTAX_ERROR',
    readonly start: number,
    readonly end: number,
    readonly data: Record<string, unknown>,
  ) {}
}

export function notStatic(reason: NotStaticReason, located: Located, data: Record<string, unknown> = {}): Unreadable {
  const { start, end } = spanOf(located);
  return new Unreadable('NOT_STATIC', start, end, { reason, ...data });
}

/** The work left for one extraction, so that hostile input cannot make it run for long. */
export class Budget {
  remaining = WORK_BUDGET;

  spend(units: number, span: Span): void {
    this.remaining -= units;
    if (this.remaining < 0) {
      throw new Unreadable('LIMIT_EXCEEDED', span.start, span.end, { limit: 'work', maximum: WORK_BUDGET });
    }
  }
}

/** The largest buffer a builder starts with; beyond it, it grows as it fills. */
const INITIAL_CAPACITY_LIMIT = 1 << 16;

/** Builds a string and the source offset of each of its characters. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private offsets: Int32Array;
  length = 0;
  private readonly span: Span;

  /** `capacity` is the expected length, such as a literal's source length, to avoid growing. */
  constructor(
    private readonly budget: Budget,
    located: Located,
    capacity = 15,
  ) {
    this.span = spanOf(located);
    this.offsets = new Int32Array(Math.min(capacity, INITIAL_CAPACITY_LIMIT) + 1);
  }

  /** Appends `text`; its characters come from `offset` onwards, or all from `offset` when `spread` is false. */
  push(text: string, offset: number, spread = false): void {
    const count = text.length;
    if (count === 0) return;
    this.reserve(count);
    for (let i = 0; i < count; i += 1) this.offsets[this.length + i] = spread ? offset + i : offset;
    this.parts.push(text);
    this.length += count;
  }

  /** Appends the characters of a string value with their own offsets. */
  pushValue(value: StrValue): void {
    this.pushSlice(value, 0, value.text.length);
  }

  /** Appends `value.text[from, to)` with its own offsets. */
  pushSlice(value: StrValue, from: number, to: number): void {
    const count = to - from;
    if (count <= 0) return;
    this.reserve(count);
    this.offsets.set(value.offsets.subarray(from, to), this.length);
    this.parts.push(value.text.slice(from, to));
    this.length += count;
  }

  /** Returns the text and its offsets, which share the builder's buffer (at most twice their length). */
  build(end: number): { text: string; offsets: Int32Array } {
    this.grow(this.length + 1);
    this.offsets[this.length] = end;
    const text = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    return { text, offsets: this.offsets.subarray(0, this.length + 1) };
  }

  private reserve(count: number): void {
    if (this.length + count > MAX_VALUE_SIZE) {
      throw new Unreadable('LIMIT_EXCEEDED', this.span.start, this.span.end, {
        limit: 'string-length',
        maximum: MAX_VALUE_SIZE,
      });
    }
    this.budget.spend(count, this.span);
    this.grow(this.length + count);
  }

  private grow(needed: number): void {
    if (needed <= this.offsets.length) return;
    let capacity = this.offsets.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.offsets.subarray(0, this.length));
    this.offsets = grown;
  }
}

/** Returns a string value of `text`, which is written in the source from offset `start` on, as it is. */
export function literalSpan(text: string, start: number, span: Span, budget: Budget): StrValue {
  if (text.length > MAX_VALUE_SIZE) {
    throw new Unreadable('LIMIT_EXCEEDED', span.start, span.end, { limit: 'string-length', maximum: MAX_VALUE_SIZE });
  }
  budget.spend(text.length, span);
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i += 1) offsets[i] = start + i;
  offsets[text.length] = span.end;
  return { type: 'str', text, offsets, start: span.start, end: span.end };
}

export function sizeOf(value: Value): number {
  if (value.type === 'list' || value.type === 'dict') return value.size;
  return value.type === 'str' ? value.text.length : 1;
}

export const depthOf = (value: Value): number =>
  value.type === 'list' || value.type === 'dict' ? value.depth : 0;

/** Returns a list value, or throws when it would be too large or too deep. */
export function makeList(items: Value[], span: Span, budget: Budget, tuple = false): ListValue {
  let size = 1;
  let depth = 0;
  for (const item of items) {
    size += sizeOf(item);
    depth = Math.max(depth, depthOf(item));
  }
  checkContainer(size, depth + 1, span, budget);
  const list: ListValue = { type: 'list', items, size, depth: depth + 1, ...span };
  if (tuple) list.tuple = true;
  return list;
}

/** Returns a dict value, or throws when it would be too large or too deep. */
export function makeDict(entries: DictEntry[], span: Span, budget: Budget): DictValue {
  let size = 1;
  let depth = 0;
  for (const entry of entries) {
    size += sizeOf(entry.key) + sizeOf(entry.value);
    depth = Math.max(depth, depthOf(entry.value));
  }
  checkContainer(size, depth + 1, span, budget);
  return { type: 'dict', entries, size, depth: depth + 1, ...span };
}

function checkContainer(size: number, depth: number, span: Span, budget: Budget): void {
  if (depth > MAX_DEPTH) {
    throw new Unreadable('LIMIT_EXCEEDED', span.start, span.end, { limit: 'nesting', maximum: MAX_DEPTH });
  }
  if (size > MAX_VALUE_SIZE) {
    throw new Unreadable('LIMIT_EXCEEDED', span.start, span.end, { limit: 'value-size', maximum: MAX_VALUE_SIZE });
  }
  budget.spend(1, span);
}

/** Returns a copy of `value` that reports `span` as its source, as a name referencing it does. */
export function relocated<T extends Value>(value: T, located: Located): T {
  return { ...value, ...spanOf(located) };
}

/**
 * Converts a dict key to the property name of the plain object that
 * `SourceValue.value` holds: the name `json.dumps` would print for it.
 */
export type KeyName = (key: Value) => string;

/** Converts an internal value to the public `SourceValue`. */
export function toSourceValue(value: Value, keyName: KeyName, budget: Budget): SourceValue {
  const span = { start: value.start, end: value.end };
  switch (value.type) {
    case 'str': {
      const kind = value.bytes ? 'bytes' : 'string';
      const result: SourceValue = { kind, value: value.text, offsets: endOffsets(value, budget), ...span };
      if (value.quote !== undefined) result.quote = value.quote;
      if (value.serializedBy !== undefined) result.serializedBy = value.serializedBy;
      return result;
    }
    case 'num':
      return { kind: 'number', value: value.value, ...span };
    case 'bool':
      return { kind: 'boolean', value: value.value, ...span };
    case 'null':
      return { kind: 'null', value: null, ...span };
    case 'undefined':
      return { kind: 'null', value: undefined, ...span };
    case 'list':
      return { kind: 'array', value: toPlain(value, keyName), ...span };
    case 'dict':
      return { kind: 'object', value: toPlain(value, keyName), ...span };
  }
}

/**
 * Returns the offsets of a string value with `offsets[length]` set to the
 * value's own end, which differs from the literal's end after a name or
 * parentheses moved the value (`b = a`, `("text")`).
 */
function endOffsets(value: StrValue, budget: Budget): Int32Array {
  const length = value.text.length;
  if (value.offsets[length] === value.end) return value.offsets;
  budget.spend(length, value);
  const offsets = value.offsets.slice(0, length + 1);
  offsets[length] = value.end;
  return offsets;
}

/** Converts a value to plain JavaScript data; recursion is bounded by `MAX_DEPTH`. */
export function toPlain(value: Value, keyName: KeyName): unknown {
  switch (value.type) {
    case 'str':
      return value.text;
    case 'num':
    case 'bool':
      return value.value;
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'list':
      return value.items.map((item) => toPlain(item, keyName));
    case 'dict': {
      const object: Record<string, unknown> = {};
      for (const { key, value: entry } of value.entries) {
        // defineProperty, because a plain assignment to "__proto__" would replace the prototype.
        Object.defineProperty(object, keyName(key), {
          value: toPlain(entry, keyName),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
  }
}
