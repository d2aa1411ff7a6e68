/**
 * Conversion of a CLI option's text to the value the AWS CLI sends, as awscli's `argprocess`
 * does: JSON when the text starts with `{` or `[`, shorthand syntax for structures, maps and
 * lists of them, Python's `int()` and `float()` for numbers, and the shorthand parser's
 * conversion of nested scalars to the model's types.
 */
import { hasNonAsciiDigits, pythonFloat, pythonInt } from './numbers.ts';
import { parseJson } from './json.ts';
import type { CommandCodeName } from './messages.ts';
import { memberShape, type ServiceModel, type Shape } from './model.ts';
import { parseShorthand } from './shorthand.ts';
import { childPath, isDict, type PyValue, type TextRange } from './values.ts';
import type { ValueText } from './locate.ts';

export interface UnpackIssue {
  code: CommandCodeName;
  /** The value concerned, and the range in its text. */
  value: ValueText;
  range: TextRange;
  data: Record<string, unknown>;
}

export interface Unpacked {
  value: PyValue;
  /** The text and range of every part of the value, by path relative to the parameter. */
  parts: Map<string, { value: ValueText; range: TextRange }>;
}

/**
 * Items of a list option past this many keep no ranges of their parts, which costs more than
 * parsing them, so findings about them point at the whole option value.
 */
const MAX_LOCATED_ITEMS = 1000;

const SCALARS = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob']);

const isComplex = (shape: Shape | undefined): boolean =>
  shape?.type === 'structure' || shape?.type === 'map' || shape?.type === 'list';

/** Python's `str.strip()` and `lstrip()` without arguments. */
const strip = (text: string): string => text.replace(/^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g, '');
const lstrip = (text: string): string => text.replace(/^[\s\x1c-\x1f\x85]+/, '');

export class Unpacker {
  readonly issues: UnpackIssue[] = [];

  constructor(private readonly model: ServiceModel) {}

  private shape(name: string): Shape | undefined {
    return this.model.shapes[name];
  }

  /** Unpacks an option's value: one text, or the list of texts of a list option. */
  unpack(shapeName: string, input: ValueText | ValueText[], jsonValue = false): Unpacked | undefined {
    const shape = this.shape(shapeName);
    const parts: Unpacked['parts'] = new Map();
    const whole = (text: ValueText): void => {
      parts.set('', { value: text, range: [0, text.text.length] });
    };
    if (!shape) return undefined;

    if (jsonValue || (shape.type === 'structure' && shape.document)) {
      const text = Array.isArray(input) ? input[0] : input;
      if (!text) return undefined;
      return this.json(text, parts);
    }
    if (SCALARS.has(shape.type)) {
      const text = Array.isArray(input) ? input[0] : input;
      if (!text) return undefined;
      whole(text);
      const value = this.scalar(shape, text, [0, text.text.length]);
      return value === undefined ? undefined : { value, parts };
    }
    if (shape.type === 'structure' || shape.type === 'map') {
      const text = Array.isArray(input) ? input[0] : input;
      if (!text) return undefined;
      if (strip(text.text).startsWith('{') || strip(text.text).startsWith('[')) return this.json(text, parts);
      return this.shorthandValue(shape, shapeName, text, parts);
    }
    if (shape.type !== 'list') return undefined;
    return this.list(shape, input, parts);
  }

  private list(shape: Extract<Shape, { type: 'list' }>, input: ValueText | ValueText[], parts: Unpacked['parts']): Unpacked | undefined {
    const items = Array.isArray(input) ? input : [input];
    const first = items[0];
    const member = this.shape(shape.member);
    if (first && strip(first.text).startsWith('[') && (!Array.isArray(input) || items.length === 1)) {
      return this.json(first, parts);
    }
    if (!Array.isArray(input)) {
      // A single text from a file that is not a JSON list: Python iterates over its characters.
      this.issues.push({ code: 'VALUE_INVALID_JSON', value: input, range: [0, input.text.length], data: { reason: 'expected a JSON list' } });
      return undefined;
    }
    const values: PyValue[] = [];
    const useShorthand = isComplex(member) && !(first && /^[[{]/.test(strip(first.text)));
    for (const [i, text] of items.entries()) {
      const itemParts: Unpacked['parts'] = new Map();
      let item: Unpacked | undefined;
      if (useShorthand && member) item = this.shorthandValue(member, shape.member, text, itemParts);
      else if (member && isComplex(member)) item = this.complexJson(member, text, itemParts);
      else if (member) {
        const scalar = this.scalar(member, text, [0, text.text.length]);
        item = scalar === undefined ? undefined : { value: scalar, parts: itemParts };
        itemParts.set('', { value: text, range: [0, text.text.length] });
      }
      if (!item) return undefined;
      values.push(item.value);
      if (i < MAX_LOCATED_ITEMS) {
        for (const [path, part] of item.parts) parts.set(joinPath(childPath('', i), path), part);
      }
    }
    return { value: values, parts };
  }

  /** Parses a list item written as JSON; awscli accepts only `{...}` for a structure item. */
  private complexJson(shape: Shape, text: ValueText, parts: Unpacked['parts']): Unpacked | undefined {
    if ((shape.type === 'structure' || shape.type === 'map') && !lstrip(text.text).startsWith('{')) {
      this.issues.push({ code: 'VALUE_INVALID_JSON', value: text, range: [0, text.text.length], data: { reason: 'expected a JSON object' } });
      return undefined;
    }
    return this.json(text, parts);
  }

  private json(text: ValueText, parts: Unpacked['parts']): Unpacked | undefined {
    const result = parseJson(text.text);
    if ('error' in result) {
      const { index, reason } = result.error;
      this.issues.push({ code: 'VALUE_INVALID_JSON', value: text, range: errorRange(text.text, index), data: { reason } });
      return undefined;
    }
    for (const [path, range] of result.ranges) parts.set(path, { value: text, range });
    return { value: result.value, parts };
  }

  private shorthandValue(shape: Shape, shapeName: string, text: ValueText, parts: Unpacked['parts']): Unpacked | undefined {
    if (shape.type === 'structure' && this.isValueStructure(shape) && !text.text.includes('=')) {
      parts.set('', { value: text, range: [0, text.text.length] });
      parts.set('Value', { value: text, range: [0, text.text.length] });
      return { value: new Map([['Value', text.text]]), parts };
    }
    const result = parseShorthand(text.text);
    if ('error' in result) {
      const { index, ...data } = result.error;
      this.issues.push({ code: 'VALUE_INVALID_SHORTHAND', value: text, range: errorRange(text.text, index), data });
      return undefined;
    }
    for (const [path, range] of result.ranges) parts.set(path, { value: text, range });
    const converted = this.convertScalars(result.value, shapeName, '', text, parts);
    return converted === undefined ? undefined : { value: converted, parts };
  }

  private isValueStructure(shape: Extract<Shape, { type: 'structure' }>): boolean {
    const names = Object.keys(shape.members);
    const ref = shape.members.Value;
    return names.length === 1 && ref !== undefined && this.shape(memberShape(ref))?.type === 'string';
  }

  /** Converts shorthand strings to the model's scalar types, as awscli's `BackCompatVisitor` does. */
  private convertScalars(value: PyValue, shapeName: string, path: string, text: ValueText, parts: Unpacked['parts']): PyValue | undefined {
    const shape = this.shape(shapeName);
    if (!shape) return value;
    if (shape.type === 'structure') {
      if (!isDict(value)) return value;
      for (const [name, ref] of Object.entries(shape.members)) {
        if (!value.has(name)) continue;
        const converted = this.convertScalars(value.get(name) ?? null, memberShape(ref), childPath(path, name), text, parts);
        if (converted === undefined) return undefined;
        value.set(name, converted);
      }
      return value;
    }
    if (shape.type === 'list') {
      const list = Array.isArray(value) ? value : [value];
      for (const [i, item] of list.entries()) {
        const converted = this.convertScalars(item, shape.member, childPath(path, i), text, parts);
        if (converted === undefined) return undefined;
        list[i] = converted;
      }
      return list;
    }
    if (shape.type === 'map') {
      if (!isDict(value)) return value;
      for (const [key, item] of value) {
        const converted = this.convertScalars(item, shape.value, childPath(path, key), text, parts);
        if (converted === undefined) return undefined;
        value.set(key, converted);
      }
      return value;
    }
    if (typeof value !== 'string') return value;
    const range = parts.get(path)?.range ?? [0, text.text.length];
    if (shape.type === 'boolean') {
      const lower = value.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      return value;
    }
    if (shape.type === 'integer' || shape.type === 'long' || shape.type === 'float' || shape.type === 'double') {
      return this.scalar(shape, { ...text }, range, value);
    }
    return value;
  }

  /** Converts a scalar option value; `literal` is the text when it is only part of `text`. */
  private scalar(shape: Shape, text: ValueText, range: TextRange, literal = text.text): PyValue | undefined {
    const integer = shape.type === 'integer' || shape.type === 'long';
    if (!integer && shape.type !== 'float' && shape.type !== 'double') return literal;

    const value = integer ? pythonInt(literal) : pythonFloat(literal);
    if (value === undefined) {
      this.issues.push({ code: integer ? 'VALUE_NOT_INTEGER' : 'VALUE_NOT_NUMBER', value: text, range, data: { value: literal } });
      return undefined;
    }
    if (hasNonAsciiDigits(literal)) {
      this.issues.push({ code: 'VALUE_DIGITS_NOT_ASCII', value: text, range, data: { value: literal, number: String(value) } });
    }
    return value;
  }
}

/** Returns the range of the character at a parse error, or of the last one when the error is at the end. */
function errorRange(text: string, index: number): TextRange {
  const start = Math.max(0, Math.min(index, text.length - 1));
  return [start, Math.min(text.length, start + 1)];
}

/** Appends a relative path (`''`, `Key`, `[0]`) to a parent path. */
function joinPath(parent: string, path: string): string {
  if (!path) return parent;
  return path.startsWith('[') ? `${parent}${path}` : `${parent}.${path}`;
}
