/**
 * Validation of parameter values against the service model. What botocore's `ParamValidator`
 * checks before sending (types, required members, unknown members, minimum lengths and values)
 * is rejected by the CLI; the maximums, patterns and enums that only the service checks are
 * rejected by the service.
 */
import type { CommandCodeName } from './messages.ts';
import type { ServiceModel, Shape } from './model.ts';
import { memberShape } from './model.ts';
import { closeMatches } from './names.ts';
import { childPath, isDict, pythonTypeName, type PyValue } from './values.ts';

export interface ParamIssue {
  code: CommandCodeName;
  /** Path of the value in botocore's notation: `Tags[0].Key`. */
  path: string;
  data: Record<string, unknown>;
}

const EXPECTED: Record<Shape['type'], string> = {
  structure: 'a structure', list: 'a list', map: 'a map', string: 'a string', integer: 'an integer',
  long: 'an integer', float: 'a number', double: 'a number', boolean: 'a boolean', timestamp: 'a timestamp',
  blob: 'binary data',
};

const patternCache = new Map<string, RegExp | null>();

/** Compiles a model pattern anchored at both ends, as the services match it; null if it does not compile. */
function compilePattern(pattern: string): RegExp | null {
  let compiled = patternCache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      try {
        compiled = new RegExp(`^(?:${pattern})$`);
      } catch {
        compiled = null;
      }
    }
    patternCache.set(pattern, compiled);
  }
  return compiled;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Returns true when botocore's `parse_timestamp` would accept the string.
 * NOTE: botocore falls back to dateutil's very lenient parser. This accepts epoch seconds, ISO
 * 8601 and what `Date.parse` reads, which covers the usual forms but not every dateutil one.
 */
export function isTimestamp(text: string): boolean {
  return EPOCH.test(text) || ISO_TIMESTAMP.test(text.trim()) || !Number.isNaN(Date.parse(text));
}

/** Counts code points, as Python's `len` does. */
function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) count += 1;
    else {
      count += 1;
      i += 1;
    }
  }
  return count;
}

export class ParamValidator {
  readonly issues: ParamIssue[] = [];

  constructor(private readonly model: ServiceModel) {}

  validate(value: PyValue, shapeName: string, path: string, hostLabel = false): void {
    const shape = this.model.shapes[shapeName];
    if (!shape) return;
    switch (shape.type) {
      case 'structure':
        return this.structure(value, shape, path);
      case 'list':
        return this.list(value, shape, path);
      case 'map':
        return this.map(value, shape, path);
      case 'string':
        return this.string(value, shape, path, hostLabel);
      case 'integer':
      case 'long':
        return this.number(value, shape, path, typeof value === 'bigint' || typeof value === 'boolean');
      case 'float':
      case 'double':
        return this.number(value, shape, path, typeof value !== 'string' && typeof value !== 'object');
      case 'boolean':
        if (typeof value !== 'boolean') this.invalidType(value, shape, path);
        return;
      case 'timestamp':
        if (typeof value === 'string' ? !isTimestamp(value) : typeof value !== 'number' && typeof value !== 'bigint') {
          this.issue('VALUE_INVALID_TIMESTAMP', path, { value: typeof value === 'string' ? value : pythonTypeName(value) });
        }
        return;
      case 'blob':
        // NOTE: any string passes. AWS CLI v2 base64-decodes a blob given inline, which is not
        // checked here; iam, sts and s3api have only streaming blobs, read from files.
        if (typeof value !== 'string') this.invalidType(value, shape, path);
        return;
    }
  }

  private issue(code: CommandCodeName, path: string, data: Record<string, unknown>): void {
    this.issues.push({ code, path, data: { path, ...data } });
  }

  private invalidType(value: PyValue, shape: Shape, path: string): void {
    this.issue('VALUE_INVALID_TYPE', path, { expected: EXPECTED[shape.type], actual: pythonTypeName(value) });
  }

  private structure(value: PyValue, shape: Extract<Shape, { type: 'structure' }>, path: string): void {
    if (shape.document) return;
    if (!isDict(value)) return this.invalidType(value, shape, path);
    if (shape.union && value.size !== 1) {
      this.issue('VALUE_INVALID_TYPE', path, { expected: 'a structure with exactly one member', actual: `${value.size} members` });
    }
    for (const member of shape.required ?? []) {
      if (!value.has(member)) this.issue('VALUE_MISSING_MEMBER', path, { member });
    }
    const names = Object.keys(shape.members);
    for (const [key, item] of value) {
      const ref = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
      if (!ref) {
        this.issue('VALUE_UNKNOWN_KEY', childPath(path, key), { key, valid: names, suggestions: closeMatches(key, names), parent: path });
        continue;
      }
      this.validate(item, memberShape(ref), childPath(path, key), typeof ref !== 'string' && ref.hostLabel === true);
    }
  }

  private list(value: PyValue, shape: Extract<Shape, { type: 'list' }>, path: string): void {
    if (!Array.isArray(value)) return this.invalidType(value, shape, path);
    this.length(value.length, value.length, shape, path, false);
    value.forEach((item, i) => this.validate(item, shape.member, childPath(path, i)));
  }

  private map(value: PyValue, shape: Extract<Shape, { type: 'map' }>, path: string): void {
    if (!isDict(value)) return this.invalidType(value, shape, path);
    for (const [key, item] of value) {
      this.validate(key, shape.key, `${path} (key: ${key})`);
      this.validate(item, shape.value, childPath(path, key));
    }
  }

  private string(value: PyValue, shape: Extract<Shape, { type: 'string' }>, path: string, hostLabel: boolean): void {
    if (typeof value !== 'string') return this.invalidType(value, shape, path);
    if (!this.length(codePointLength(value), value.length, shape, path, hostLabel)) return;
    if (shape.enum && !shape.enum.includes(value)) {
      this.issue('VALUE_NOT_IN_ENUM', path, { value, valid: shape.enum, suggestions: closeMatches(value, shape.enum, 0.6, 1) });
      return;
    }
    const pattern = shape.pattern ? compilePattern(shape.pattern) : null;
    if (shape.pattern && pattern && !pattern.test(value)) {
      this.issue('VALUE_PATTERN_MISMATCH', path, { value, pattern: shape.pattern });
    }
  }

  /** Checks a length against min (as Python counts) and max (as the service counts); false if either fails. */
  private length(pythonLength: number, serviceLength: number, shape: { min?: number | undefined; max?: number | undefined }, path: string, hostLabel: boolean): boolean {
    const min = shape.min ?? (hostLabel ? 1 : undefined);
    if (min !== undefined && pythonLength < min) {
      this.issue('VALUE_TOO_SHORT', path, { length: pythonLength, min });
      return false;
    }
    if (shape.max !== undefined && serviceLength > shape.max) {
      this.issue('VALUE_TOO_LONG', path, { length: serviceLength, max: shape.max });
      return false;
    }
    return true;
  }

  private number(value: PyValue, shape: { type: Shape['type']; min?: number | undefined; max?: number | undefined }, path: string, typeOk: boolean): void {
    if (!typeOk) return this.invalidType(value, shape as Shape, path);
    const number = Number(value);
    if (shape.min !== undefined && number < shape.min) {
      this.issue('VALUE_TOO_SMALL', path, { value: number, min: shape.min });
    } else if (shape.max !== undefined && number > shape.max) {
      this.issue('VALUE_TOO_LARGE', path, { value: number, max: shape.max });
    }
  }
}
