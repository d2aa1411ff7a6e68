/**
 * The report the engine returns for one submission: the contract that the
 * popup, the instructor tools, the CLI and course teams' tests read. Its
 * schema is versioned; a change that removes or retypes a field raises
 * REPORT_SCHEMA_VERSION.
 */
import * as z from 'zod/mini';
import { SEVERITIES } from '../findings.ts';

export const REPORT_SCHEMA_VERSION = 1;

export const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  hint: z.optional(z.string()),
  path: z.optional(z.string()),
  line: z.optional(z.number()),
  column: z.optional(z.number()),
  endLine: z.optional(z.number()),
  endColumn: z.optional(z.number()),
  rejectedBy: z.optional(z.enum(['cli', 'service'])),
  data: z.optional(z.record(z.string(), z.unknown())),
});

export const stepStatusSchema = z.enum(['pass', 'fail', 'missing']);

export const stepReportSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: stepStatusSchema,
  points: z.number(),
  earned: z.number(),
  /** The step whose code text defines the variable, when the input had one text per step. */
  foundIn: z.optional(z.string()),
  /** The step's general hint, given when it does not pass. */
  hint: z.optional(z.string()),
  findings: z.array(findingSchema),
});

export const quizReportSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: stepStatusSchema,
  chosen: z.optional(z.string()),
  feedback: z.optional(z.string()),
  points: z.number(),
  earned: z.number(),
});

export const submissionReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  source: z.optional(z.string()),
  language: z.string(),
  lab: z.string(),
  labVersion: z.string(),
  grader: z.string(),
  score: z.object({ earned: z.number(), possible: z.number() }),
  steps: z.array(stepReportSchema),
  quiz: z.array(quizReportSchema),
  /** Findings about the code as a whole, such as syntax errors outside any step's assignment. */
  findings: z.array(findingSchema),
});

export type StepStatus = z.infer<typeof stepStatusSchema>;
export type StepReport = z.infer<typeof stepReportSchema>;
export type QuizReport = z.infer<typeof quizReportSchema>;
export type SubmissionReport = z.infer<typeof submissionReportSchema>;
