/**
 * Writes regraded rows as one JSON document,
 * `{"format", "formatVersion", "grader", "lab", "rows": [...]}`, in pieces
 * so that a long batch can be streamed row by row.
 */
import type { RegradeRow } from './regrade.ts';
import { jsonText } from './visible-text.ts';

export const REGRADE_FORMAT = 'lab-check-regrade';
export const REGRADE_FORMAT_VERSION = 1;

export function jsonHead(grader: string, lab: string | undefined): string {
  return (
    `{"format":"${REGRADE_FORMAT}","formatVersion":${REGRADE_FORMAT_VERSION},` +
    `"grader":${JSON.stringify(grader)},"lab":${JSON.stringify(lab ?? null)},"rows":[\n`
  );
}

export function jsonRow(row: RegradeRow, first: boolean): string {
  return `${first ? '' : ',\n'}${jsonText(row)}`;
}

export const JSON_TAIL = '\n]}\n';

export function writeJson(rows: readonly RegradeRow[], grader: string, lab: string | undefined): string {
  return jsonHead(grader, lab) + rows.map((row, i) => jsonRow(row, i === 0)).join('') + JSON_TAIL;
}
