/**
 * `json.dumps` (Python 3.11) and `JSON.stringify` (ECMAScript 2019 and
 * later) of evaluated literals, character for character. Every output
 * character has a source offset: a string's characters keep their own, and
 * brackets and separators map to the literal that produced them.
 */
import {
  TextBuilder,
  Unreadable,
  sizeOf,
  type Budget,
  type DictEntry,
  type StrValue,
  type UndefinedValue,
  type Value,
} from './values.ts';

export interface JsonOptions {
  style: 'python' | 'javascript';
  /** The text of one indentation level; undefined prints everything on one line. */
  indent?: string;
  itemSeparator: string;
  keySeparator: string;
  sortKeys: boolean;
  /** Python's `ensure_ascii`: escape every character outside printable ASCII. */
  ensureAscii: boolean;
  /** Python's `allow_nan`: print NaN and Infinity instead of raising ValueError. */
  allowNan: boolean;
  /** Python's `skipkeys`: drop keys that are not str, int, float, bool or None. */
  skipKeys: boolean;
}

export const JAVASCRIPT_JSON: JsonOptions = {
  style: 'javascript',
  itemSeparator: ',',
  keySeparator: ':',
  sortKeys: false,
  ensureAscii: false,
  allowNan: false,
  skipKeys: false,
};

/** Python's defaults: `", "` and `": "` on one line, and `","` between items once `indent` is set. */
export const pythonJsonOptions = (indent: string | undefined): JsonOptions => ({
  style: 'python',
  ...(indent === undefined ? {} : { indent }),
  itemSeparator: indent === undefined ? ', ' : ',',
  keySeparator: ': ',
  sortKeys: false,
  ensureAscii: true,
  allowNan: true,
  skipKeys: false,
});

/** Formats a float as Python's `repr` does: the shortest round-trip digits, exponent outside 1e-4 to 1e16. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';

  const [mantissa = '', exponentText = '0'] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = x < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
  }
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
  const exponentSign = exponent < 0 ? '-' : '+';
  return `${sign}${digits[0]}${fraction}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Formats a Python int or float as Python's `str()` and `json.dumps` print it (NaN aside). */
export function pythonNumberText(value: Extract<Value, { type: 'num' }>): string {
  if (value.pythonInt !== undefined) return value.pythonInt.toString();
  if (value.pythonFloat) return pythonFloatRepr(value.value);
  return String(value.value);
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

const hex4 = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

/** Serializes `value`; `JSON.stringify` of undefined returns undefined, as it does in JavaScript. */
export function serializeJson(
  value: Value,
  options: JsonOptions,
  budget: Budget,
  span: { start: number; end: number },
): StrValue | UndefinedValue {
  if (options.style === 'javascript' && value.type === 'undefined') return { ...span, type: 'undefined' };

  // The output is about as long as the value's text and entries, plus separators and indentation.
  const builder = new TextBuilder(budget, span, sizeOf(value) * 4);
  // JSON.stringify puts a space after the colon only when it indents.
  const effective = options.style === 'javascript' && options.indent ? { ...options, keySeparator: ': ' } : options;
  new JsonWriter(builder, effective, span).write(value, '');
  const { text, offsets } = builder.build(span.end);
  const serializedBy = options.style === 'python' ? 'json.dumps' : 'JSON.stringify';
  return { type: 'str', text, offsets, serializedBy, ...span };
}

class JsonWriter {
  constructor(
    private readonly out: TextBuilder,
    private readonly options: JsonOptions,
    private readonly span: { start: number; end: number },
  ) {}

  /** Writes one value; recursion is bounded because values are at most `MAX_DEPTH` deep. */
  write(value: Value, indent: string): void {
    switch (value.type) {
      case 'str':
        return this.writeString(value);
      case 'num':
        return this.writeNumber(value);
      case 'bool':
        return this.out.push(value.value ? 'true' : 'false', value.start);
      case 'null':
      case 'undefined':
        return this.out.push('null', value.start);
      case 'list':
        return this.writeList(value.items, value, indent);
      case 'dict':
        return this.writeDict(value.entries, value, indent);
    }
  }

  private writeString(value: StrValue): void {
    if (value.bytes) throw this.typeError('bytes', value);

    const { text } = value;
    const ascii = this.options.ensureAscii;
    this.out.push('"', value.start);
    let run = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      const escape = this.escapeOf(code, text, i, ascii);
      if (escape === undefined) continue;
      this.out.pushSlice(value, run, i);
      this.out.push(escape, value.offsets[i] ?? value.start);
      run = i + 1;
    }
    this.out.pushSlice(value, run, text.length);
    this.out.push('"', Math.max(value.start, value.end - 1));
  }

  private escapeOf(code: number, text: string, i: number, ascii: boolean): string | undefined {
    if (code >= 0x20 && code !== 0x22 && code !== 0x5c) {
      if (ascii) return code < 0x7f ? undefined : hex4(code);
      if (code < 0xd800 || code > 0xdfff || this.options.style === 'python') return undefined;
      // JSON.stringify escapes lone surrogates only.
      const pairedHigh = code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1));
      const pairedLow = code >= 0xdc00 && isHighSurrogate(text.charCodeAt(i - 1));
      return pairedHigh || pairedLow ? undefined : hex4(code);
    }
    return SHORT_ESCAPES[String.fromCharCode(code)] ?? hex4(code);
  }

  private writeNumber(value: Extract<Value, { type: 'num' }>): void {
    let text: string;
    if (this.options.style === 'javascript') {
      text = Number.isFinite(value.value) ? String(value.value) : 'null';
    } else if (Number.isFinite(value.value) || value.pythonInt !== undefined) {
      text = pythonNumberText(value);
    } else {
      if (!this.options.allowNan) {
        throw new Unreadable('RUNTIME_ERROR', value.start, value.end, {
          error: 'ValueError',
          detail: 'out-of-range-float',
        });
      }
      text = nonFiniteText(value.value);
    }
    this.out.push(text, value.start);
  }

  private writeList(items: readonly Value[], list: Value, indent: string): void {
    if (items.length === 0) return this.out.push('[]', list.start);

    const inner = this.options.indent === undefined ? indent : indent + this.options.indent;
    this.out.push('[', list.start);
    items.forEach((item, index) => {
      this.writeBreak(index > 0, inner, item.start);
      const printed = item.type === 'undefined' ? { ...item, type: 'null' as const } : item;
      this.write(printed, inner);
    });
    this.writeClose(']', indent, list);
  }

  private writeDict(all: readonly DictEntry[], dict: Value, indent: string): void {
    const entries = this.serializableEntries(all);
    if (entries.length === 0) return this.out.push('{}', dict.start);

    const inner = this.options.indent === undefined ? indent : indent + this.options.indent;
    this.out.push('{', dict.start);
    entries.forEach(({ name, entry }, index) => {
      this.writeBreak(index > 0, inner, entry.key.start);
      const { key } = entry;
      if (key.type === 'str') this.writeString(key);
      else this.writeString({ type: 'str', start: key.start, end: key.end, ...numberedKey(name, key) });
      this.out.push(this.options.keySeparator, entry.value.start);
      this.write(entry.value, inner);
    });
    this.writeClose('}', indent, dict);
  }

  /** Returns the entries that the serializer prints, with their key names, in printing order. */
  private serializableEntries(entries: readonly DictEntry[]): { name: string; entry: DictEntry }[] {
    const result: { name: string; entry: DictEntry }[] = [];
    for (const entry of entries) {
      if (this.options.style === 'javascript' && entry.value.type === 'undefined') continue;
      const name = this.keyName(entry.key);
      if (name !== undefined) result.push({ name, entry });
    }
    if (this.options.sortKeys) this.sortEntries(result);
    return result;
  }

  private keyName(key: Value): string | undefined {
    switch (key.type) {
      case 'str':
        return key.text;
      case 'num':
        return this.options.style === 'python' ? pythonKeyNumber(key) : String(key.value);
      case 'bool':
        return key.value ? 'true' : 'false';
      case 'null':
        return 'null';
      default:
        if (this.options.skipKeys) return undefined;
        throw this.typeError('key', key);
    }
  }

  private sortEntries(result: { name: string; entry: DictEntry }[]): void {
    const types = new Set(result.map(({ entry }) => (entry.key.type === 'str' ? 'str' : 'other')));
    if (types.size > 1) throw this.typeError('sort-keys', result[0]?.entry.key);
    // Python compares str by code point; numbers are compared by value.
    result.sort((a, b) => {
      const x = a.entry.key;
      const y = b.entry.key;
      if (x.type === 'num' && y.type === 'num') return x.value - y.value;
      return compareCodePoints(a.name, b.name);
    });
  }

  private writeBreak(separator: boolean, indent: string, offset: number): void {
    if (separator) this.out.push(this.options.itemSeparator, offset);
    if (this.options.indent !== undefined) this.out.push(`\n${indent}`, offset);
  }

  private writeClose(bracket: string, indent: string, container: Value): void {
    const offset = Math.max(container.start, container.end - 1);
    if (this.options.indent !== undefined) this.out.push(`\n${indent}`, offset);
    this.out.push(bracket, offset);
  }

  private typeError(detail: string, value: Value | undefined): Unreadable {
    const start = value?.start ?? this.span.start;
    const end = value?.end ?? this.span.end;
    return new Unreadable('RUNTIME_ERROR', start, end, { error: 'TypeError', detail });
  }
}

/** Returns how json.dumps prints NaN and the infinities. */
function nonFiniteText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? 'Infinity' : '-Infinity';
}

function pythonKeyNumber(key: Extract<Value, { type: 'num' }>): string {
  if (Number.isFinite(key.value) || key.pythonInt !== undefined) return pythonNumberText(key);
  return nonFiniteText(key.value);
}

/** Returns the text and offsets of a key that is printed as a string although it was not one. */
function numberedKey(name: string, key: Value): { text: string; offsets: Int32Array } {
  const offsets = new Int32Array(name.length + 1).fill(key.start);
  offsets[name.length] = key.end;
  return { text: name, offsets };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const difference = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return x.length - y.length;
}
