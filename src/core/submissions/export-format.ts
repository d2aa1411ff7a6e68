/**
 * The submission export: the JSON file a learner saves from the popup and
 * hands in. It records the answers, the report as graded on the learner's
 * machine, and a SHA-256 digest over all of it, so that an instructor can
 * regrade the answers and see whether the file was edited after export.
 *
 * The format is versioned: a change that removes or retypes a field raises
 * EXPORT_FORMAT_VERSION, and readers reject versions they do not know.
 */
import * as z from 'zod/mini';
import { submissionReportSchema } from '../engine/report.ts';
import { DIGEST_ALGORITHM } from './digest.ts';

export const EXPORT_FORMAT = 'lab-check-submission';
export const EXPORT_FORMAT_VERSION = 1;

const languageSchema = z.enum(['python', 'javascript', 'typescript', 'shell']);

/** The learner's answers, in the shape the engine grades (`SubmissionInput` without its source). */
export const exportAnswersSchema = z.object({
  language: z.optional(languageSchema),
  /** One code text with all the steps' variables. */
  code: z.optional(z.string()),
  /** One code text per step id, as on a page with one editor per step. */
  steps: z.optional(z.record(z.string(), z.string())),
  /** Question id to the chosen option id or ids. */
  quiz: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

export const submissionExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  lab: z.object({ id: z.string(), version: z.string() }),
  /** The grader that produced `report`, such as `lab-check@0.1.0`. */
  grader: z.string(),
  /** When the learner exported the file, as an ISO 8601 UTC timestamp. */
  exportedAt: z
    .string()
    .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/, 'an ISO 8601 UTC time such as "2026-12-01T09:30:00Z"')),
  /** A learner id the learner entered, when there was one. */
  learner: z.optional(z.string()),
  /** The course page the answers were read from. */
  page: z.optional(z.string()),
  answers: exportAnswersSchema,
  report: submissionReportSchema,
  /** SHA-256 over the canonical JSON of every other member of the export. */
  digest: z.object({
    algorithm: z.literal(DIGEST_ALGORITHM),
    value: z.string().check(z.regex(/^[0-9a-f]{64}$/, '64 lowercase hexadecimal digits')),
  }),
});

export type ExportAnswers = z.infer<typeof exportAnswersSchema>;
export type SubmissionExport = z.infer<typeof submissionExportSchema>;
