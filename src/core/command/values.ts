/**
 * Parameter values as Python sees them after the AWS CLI has parsed them: integers are `bigint`
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

export const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

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
