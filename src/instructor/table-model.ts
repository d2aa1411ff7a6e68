/** Sorting and filtering of the instructor table's rows. */
import type { RowSummary } from './protocol.ts';

/** A column to sort by: a fixed column, or `step:ID` for one step's status. */
export type SortKey = 'index' | 'learner' | 'source' | 'outcome' | 'quiz' | 'score' | 'flags' | `step:${string}`;

export interface TableView {
  sort: { key: SortKey; descending: boolean };
  /** Shown rows contain this text in their learner id or source, ignoring case. */
  text: string;
  show: 'all' | 'flagged' | 'error' | 'incomplete' | 'complete';
}

const STATUS_ORDER: Record<string, number> = { pass: 0, fail: 1, missing: 2 };
const OUTCOME_ORDER: Record<string, number> = { graded: 0, flagged: 1, error: 2 };

export function viewRows(rows: readonly RowSummary[], view: TableView): RowSummary[] {
  const text = view.text.trim().toLowerCase();
  const shown = rows.filter((row) => matchesShow(row, view.show) && (!text || matchesText(row, text)));
  const compare = comparator(view.sort.key);
  const direction = view.sort.descending ? -1 : 1;
  return shown.sort((a, b) => direction * compare(a, b) || a.index - b.index);
}

function matchesShow(row: RowSummary, show: TableView['show']): boolean {
  switch (show) {
    case 'all':
      return true;
    case 'flagged':
      return row.outcome === 'flagged';
    case 'error':
      return row.outcome === 'error';
    case 'incomplete':
      return row.outcome !== 'error' && !isComplete(row);
    case 'complete':
      return row.outcome !== 'error' && isComplete(row);
  }
}

/** True when the row earned every point. */
function isComplete(row: RowSummary): boolean {
  return row.score !== undefined && row.score.earned === row.score.possible;
}

function matchesText(row: RowSummary, text: string): boolean {
  return row.learner.toLowerCase().includes(text) || row.source.toLowerCase().includes(text);
}

function comparator(key: SortKey): (a: RowSummary, b: RowSummary) => number {
  if (key.startsWith('step:')) {
    const step = key.slice('step:'.length);
    return (a, b) => statusRank(a, step) - statusRank(b, step);
  }
  switch (key) {
    case 'learner':
      return (a, b) => a.learner.localeCompare(b.learner);
    case 'source':
      return (a, b) => a.source.localeCompare(b.source);
    case 'outcome':
      return (a, b) => (OUTCOME_ORDER[a.outcome] ?? 0) - (OUTCOME_ORDER[b.outcome] ?? 0);
    case 'quiz':
      return (a, b) => (a.quiz?.earned ?? -1) - (b.quiz?.earned ?? -1);
    case 'score':
      return (a, b) => (a.score?.earned ?? -1) - (b.score?.earned ?? -1);
    case 'flags':
      return (a, b) => a.flags.length - b.flags.length;
    default:
      return (a, b) => a.index - b.index;
  }
}

function statusRank(row: RowSummary, step: string): number {
  const status = row.steps[step];
  return status === undefined ? 3 : (STATUS_ORDER[status] ?? 3);
}
