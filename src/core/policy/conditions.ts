/** Condition operators: the base operators, the ForAnyValue:/ForAllValues: set prefixes and the IfExists suffix. */

export const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

const BASE_SET = new Set<string>(BASE_OPERATORS);

export interface ParsedOperator {
  base: string;
  set?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
}

/** Splits an operator into its parts; returns undefined unless the base operator is known (case-sensitively). */
export function parseOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  let set: ParsedOperator['set'];
  for (const prefix of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${prefix}:`)) {
      set = prefix;
      rest = rest.slice(prefix.length + 1);
      break;
    }
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  return BASE_SET.has(base) ? { base, set, ifExists } : undefined;
}

/** Lists every spelling of a valid operator, for suggestions. */
export function allOperatorSpellings(): string[] {
  const result: string[] = [];
  for (const base of BASE_OPERATORS) {
    result.push(base);
    if (base !== 'Null') result.push(`${base}IfExists`);
  }
  return result;
}

export function isLikeOperator(base: string): boolean {
  return base === 'StringLike' || base === 'StringNotLike' || base === 'ArnLike' || base === 'ArnNotLike';
}

/** Value formats that typed operators expect; IAM compares anything else as never matching. */
export const VALUE_FORMATS: Record<'Bool' | 'Numeric' | 'Date' | 'IpAddress', RegExp> = {
  Bool: /^(true|false)$/i,
  Numeric: /^-?\d+(\.\d+)?$/,
  // ISO 8601 dates and times (2026-12-31, 2026-12-31T23:59:59Z) or seconds since the epoch.
  Date: /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d+)$/,
  IpAddress: /^((\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?|[0-9a-f:]*:[0-9a-f:]*(\/\d{1,3})?)$/i,
};

/** Tells whether a condition value is a policy variable such as ${aws:CurrentTime}, which is resolved at request time. */
export function isPolicyVariable(value: string): boolean {
  return /^\$\{[^}]+\}$/.test(value);
}
