/** Compares a claimed report with the regrade of the same answers. */
import type { SubmissionReport } from '../engine/report.ts';
import { countText } from './count-text.ts';
import type { ReportDifference } from './input-errors.ts';

/** The maximum number of differences listed for one report. */
const MAX_DIFFERENCES = 20;

/**
 * Lists where two reports differ, by a path such as
 * `steps.role-name.status`. Array members with an `id` are matched by id.
 * `source` is ignored because it names where each report was made.
 *
 * Differences in the outcome (scores, statuses, points and choices) are
 * listed first and alone, because they are what an edit changes. Without
 * them, the rest of the report is compared, unless `outcomeOnly` is set:
 * another grader version may word its findings differently.
 */
export function compareReports(
  claimed: SubmissionReport,
  regraded: SubmissionReport,
  options: { outcomeOnly?: boolean } = {},
): ReportDifference[] {
  const differences: ReportDifference[] = [];
  const { source: _claimedSource, ...claimedBody } = claimed;
  const { source: _regradedSource, ...regradedBody } = regraded;
  diff(outcome(claimedBody), outcome(regradedBody), '', differences);
  if (differences.length === 0 && !options.outcomeOnly) diff(claimedBody, regradedBody, '', differences);
  return differences;
}

/** Keeps the parts of a report that decide the grade. */
function outcome(report: Omit<SubmissionReport, 'source'>): unknown {
  return {
    lab: report.lab,
    score: report.score,
    steps: report.steps.map(({ id, status, points, earned }) => ({ id, status, points, earned })),
    quiz: report.quiz.map(({ id, status, chosen, points, earned }) => ({ id, status, chosen, points, earned })),
  };
}

function diff(claimed: unknown, regraded: unknown, path: string, out: ReportDifference[]): void {
  if (out.length >= MAX_DIFFERENCES) return;
  if (Array.isArray(claimed) && Array.isArray(regraded)) {
    diffArrays(claimed, regraded, path, out);
    return;
  }
  if (isObject(claimed) && isObject(regraded)) {
    const names = new Set([...Object.keys(claimed), ...Object.keys(regraded)]);
    for (const name of [...names].sort()) diff(claimed[name], regraded[name], join(path, name), out);
    return;
  }
  if (claimed !== regraded) out.push({ path: path || '(report)', claimed: summary(claimed), regraded: summary(regraded) });
}

function diffArrays(claimed: unknown[], regraded: unknown[], path: string, out: ReportDifference[]): void {
  const byId = (items: unknown[]): Map<string, unknown> | undefined => {
    const map = new Map<string, unknown>();
    for (const item of items) {
      if (!isObject(item) || typeof item.id !== 'string' || map.has(item.id)) return undefined;
      map.set(item.id, item);
    }
    return map;
  };
  const claimedById = byId(claimed);
  const regradedById = byId(regraded);
  if (claimedById && regradedById) {
    const ids = new Set([...regradedById.keys(), ...claimedById.keys()]);
    for (const id of ids) diff(claimedById.get(id), regradedById.get(id), join(path, id), out);
    return;
  }
  if (claimed.length !== regraded.length) {
    out.push({ path, claimed: summary(claimed), regraded: summary(regraded) });
    return;
  }
  for (let i = 0; i < claimed.length; i += 1) diff(claimed[i], regraded[i], `${path}[${i}]`, out);
}

/** Shortens a value for a flag: objects and arrays are not copied into it whole. */
function summary(value: unknown): unknown {
  if (Array.isArray(value)) return `(${countText(value.length, 'item')})`;
  if (isObject(value)) return '(object)';
  if (typeof value === 'string' && value.length > 80) return `${value.slice(0, 77)}...`;
  return value;
}

const join = (path: string, name: string): string => (path ? `${path}.${name}` : name);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
