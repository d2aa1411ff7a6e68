/**
 * Messages between the instructor page and its regrade worker, and the
 * row summary the page's table shows. Both ends are this extension's own
 * code in one page, so messages are typed but not validated again.
 */
import type { SubmissionInput } from '../core/engine/grade.ts';
import type { StepStatus } from '../core/engine/report.ts';
import type { RegradeRow, RowOutcome } from '../core/submissions/index.ts';

export type ExportFormat = 'csv' | 'json' | 'gradescope';

export type PageMessage =
  /** Regrades `files` and adds their rows to the batch; `path` is the file's path inside a dropped folder. */
  | { kind: 'grade'; files: ReadonlyArray<{ file: File; path: string }> }
  /**
   * Stops the batch and starts batch number `batch`; `lab` fixes the lab to
   * grade against, and without it each submission is graded against the
   * lab it names or is detected as.
   */
  | { kind: 'reset'; batch: number; lab?: string }
  | { kind: 'detail'; index: number }
  | { kind: 'export'; format: ExportFormat };

/** A worker message names the batch it belongs to, so the page drops those of a batch it cleared. */
export type WorkerMessage = { batch: number } & (
  /** `steps` are the table's step columns so far. */
  | { kind: 'rows'; rows: RowSummary[]; steps: string[] }
  | { kind: 'progress'; bytesRead: number; bytesTotal: number; rows: number }
  | { kind: 'done'; rows: number; elapsedMs: number }
  | { kind: 'detail'; index: number; row: RegradeRow; input?: SubmissionInput }
  | { kind: 'export'; format: ExportFormat; fileName: string; blob: Blob }
  | { kind: 'failed'; message: string }
);

/** One table row: what the table shows, sorts and filters on, without the full report. */
export interface RowSummary {
  index: number;
  learner: string;
  source: string;
  lab: string;
  outcome: RowOutcome;
  /** Step id to status, for the row's own lab. */
  steps: Record<string, StepStatus>;
  quiz: { earned: number; possible: number } | undefined;
  score: { earned: number; possible: number } | undefined;
  flags: string[];
  message: string;
}
