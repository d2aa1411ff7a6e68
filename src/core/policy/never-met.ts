/**
 * Conditions that no request can meet, so that a statement with one of
 * them never applies. Only conditions that fail for every request are
 * listed: a value of the wrong type for its operator, and an upper bound
 * of 0 or less on a key that is never negative. IfExists and ForAllValues
 * operators are true when the key is absent, so they are never listed.
 */
import { isPolicyVariable, parseOperator, VALUE_FORMATS } from './conditions.ts';
import type { NormalizedCondition } from './types.ts';

const TYPED_OPERATORS: Record<string, RegExp> = {
  Bool: VALUE_FORMATS.Bool,
  NumericEquals: VALUE_FORMATS.Numeric,
  NumericNotEquals: VALUE_FORMATS.Numeric,
  NumericLessThan: VALUE_FORMATS.Numeric,
  NumericLessThanEquals: VALUE_FORMATS.Numeric,
  NumericGreaterThan: VALUE_FORMATS.Numeric,
  NumericGreaterThanEquals: VALUE_FORMATS.Numeric,
  DateEquals: VALUE_FORMATS.Date,
  DateNotEquals: VALUE_FORMATS.Date,
  DateLessThan: VALUE_FORMATS.Date,
  DateLessThanEquals: VALUE_FORMATS.Date,
  DateGreaterThan: VALUE_FORMATS.Date,
  DateGreaterThanEquals: VALUE_FORMATS.Date,
};

/** Condition keys whose value is a count of seconds, never negative. */
const NON_NEGATIVE_KEYS = new Set(['aws:multifactorauthage']);

/**
 * Returns whether no request can meet `condition`: every one of its values
 * (of which any one may match) fails for every request.
 */
export function neverMet(condition: NormalizedCondition): boolean {
  const parsed = parseOperator(condition.operator);
  if (!parsed || parsed.ifExists || parsed.set === 'ForAllValues') return false;
  if (condition.values.length === 0 || condition.values.some(isPolicyVariable)) return false;

  const format = TYPED_OPERATORS[parsed.base];
  const nonNegative = NON_NEGATIVE_KEYS.has(condition.key.toLowerCase());
  return condition.values.every((value) => {
    if (format && !format.test(value)) return true;
    if (!nonNegative) return false;
    if (parsed.base === 'NumericLessThan') return Number(value) <= 0;
    if (parsed.base === 'NumericLessThanEquals') return Number(value) < 0;
    return false;
  });
}
