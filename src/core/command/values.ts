/**
 * Parameter values in Python's types, as the AWS CLI holds them after parsing: integers are `bigint`
 * (Python `int`), other numbers are `number` (Python `float`), and objects are `Map`s so that a
 * key such as `__proto__` is only data. `toPlain` converts a value for the validation result.
 */

export type PyValue = string | boolean | null | bigint | number | PyValue[] | PyDict;
export type PyDict = Map<string, PyValue>;

export const isDict = (value: PyValue | undefined): value is PyDict => value instanceof Map;

/** Start and end indexes of a value in the text it was parsed from. */
export type TextRange = readonly [number, number];

/** Ranges of the parts of a parsed value, by path relative to it (`''`, `Tags[0].Key`). */
export type RangeMap = Map<string, TextRange>;

/** Returns the path of a member or list item in botocore's notation: `Tags[0].Key`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Converts a value to plain JSON-compatible data: numbers, arrays and objects. */
export function toPlain(value: PyValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (isDict(value)) return Object.fromEntries([...value].map(([key, item]) => [key, toPlain(item)]));
  return value;
}

/** Names a value's Python type, as botocore's validation errors do. */
export function pythonTypeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float';
  if (typeof value === 'string') return 'str';
  return Array.isArray(value) ? 'list' : 'dict';
}
