/** The input readers' output: one submission to regrade, or an input that could not be read. */
import type { SubmissionInput } from '../engine/grade.ts';
import type { SubmissionExport } from './export-format.ts';
import type { InputError } from './input-errors.ts';

export type SubmissionItem =
  | {
      ok: true;
      /** The submission's origin: a file path, `archive.zip/entry.py` or `roster.csv:3`. */
      source: string;
      learner: string;
      /** The lab the submission names, when it names one. */
      lab?: string;
      input: SubmissionInput;
      /** The export the submission came from, whose report is the claim to verify. */
      claim?: SubmissionExport;
    }
  | { ok: false; source: string; learner?: string; error: InputError };

/** Derives the learner id of a file that names none: its base name without the extension. */
export function learnerFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Returns the lowercase extension of a path with its dot, or '' when it has none. */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
