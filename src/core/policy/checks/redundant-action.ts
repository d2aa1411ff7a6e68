import type { Severity } from '../../findings.ts';
import { hasWildcard, wildcardCovers } from '../actions.ts';
import type { PolicyContext } from '../context.ts';
import { objectStatements, stringValues, type StringValue } from '../document.ts';

export const code = 'REDUNDANT_ACTION';
export const severity: Severity = 'suggestion';
export const description = 'An action is listed twice in one element, or is already matched by a wildcard in the same element.';

/**
 * The maximum comparison work for one policy, in characters of one pattern
 * multiplied by characters of the other. By our estimate, hundreds of long
 * wildcards would otherwise take minutes. Past the limit, the check stops
 * looking for covering wildcards, so a suggestion may be left out but is
 * never wrong.
 */
const MAX_COMPARISON_WORK = 4_000_000;

/**
 * Finds another wildcard of the list that matches every action `entry`
 * matches, so that `entry` adds nothing. Of two wildcards that match the
 * same actions, only the later one is redundant.
 */
function coveringWildcard(entries: StringValue[], entry: StringValue, work: { spent: number }): StringValue | undefined {
  const lower = entry.value.toLowerCase();
  const index = entries.indexOf(entry);
  const covers = (pattern: string, other: string): boolean => {
    if (!samePrefix(pattern, other)) return false;
    work.spent += (pattern.length + 1) * (other.length + 1);
    return work.spent <= MAX_COMPARISON_WORK && wildcardCovers(pattern, other);
  };
  return entries.find(
    (other, otherIndex) =>
      hasWildcard(other.value) &&
      other.value.toLowerCase() !== lower &&
      covers(other.value, entry.value) &&
      (otherIndex < index || !covers(entry.value, other.value)),
  );
}

/** Returns whether `other` starts with the literal text before `pattern`'s first wildcard, ignoring case. */
function samePrefix(pattern: string, other: string): boolean {
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '*' || char === '?') return true;
    const against = other[i];
    if (against === undefined || against === '*' || against === '?') return false;
    if (against.toLowerCase() !== char?.toLowerCase()) return false;
  }
  return true;
}

export function check(context: PolicyContext): void {
  for (const statement of objectStatements(context.document)) {
    for (const name of ['Action', 'NotAction']) {
      const entries = stringValues(statement.object.get(name));
      if (entries.length < 2) continue;
      const seen = new Map<string, string>();
      const work = { spent: 0 };
      for (const entry of entries) {
        const lower = entry.value.toLowerCase();
        const coveredBy = seen.get(lower) ?? coveringWildcard(entries, entry, work)?.value;
        if (!seen.has(lower)) seen.set(lower, entry.value);
        if (coveredBy !== undefined) context.report(entry.node, entry.path, { action: entry.value, coveredBy });
      }
    }
  }
}
