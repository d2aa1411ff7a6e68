/**
 * Reads a JSON submission: either a submission export (with `format`
 * "lab-check-submission") or a plain `{"lab", "language", "code" | "steps",
 * "quiz"}` object.
 */
import * as z from 'zod/mini';
import type { SubmissionInput } from '../engine/grade.ts';
import { ISSUE_INPUT, describeIssues, formatPath, type SchemaIssue } from '../schema-issues.ts';
import { exportToInput } from './build-export.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, submissionExportSchema, type SubmissionExport } from './export-format.ts';
import { inputError, type InputErrorCode } from './input-errors.ts';
import { learnerFromPath, type SubmissionItem } from './items.ts';

export const plainSubmissionSchema = z.object({
  lab: z.optional(z.string()),
  learner: z.optional(z.string()),
  language: z.optional(z.enum(['python', 'javascript', 'typescript', 'shell'])),
  code: z.optional(z.string()),
  steps: z.optional(z.record(z.string(), z.string())),
  quiz: z.optional(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
});

/**
 * The maximum nesting depth of a JSON submission. An export nests about 8
 * levels; a deeper document is rejected before anything walks it
 * recursively (the digest, the report comparison), which would overflow
 * the stack on a hostile file.
 */
export const MAX_JSON_DEPTH = 100;

export function readJsonSubmission(source: string, text: string): SubmissionItem {
  const fallbackLearner = learnerFromPath(source);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return failure(source, fallbackLearner, 'JSON_INVALID', { reason: (error as Error).message });
  }
  if (nestsDeeperThan(data, MAX_JSON_DEPTH)) return failure(source, fallbackLearner, 'JSON_TOO_DEEP', { limit: MAX_JSON_DEPTH });

  if (isObject(data) && data.format === EXPORT_FORMAT) return readExport(source, fallbackLearner, data);
  const parsed = z.safeParse(plainSubmissionSchema, data, ISSUE_INPUT);
  if (!parsed.success) return schemaFailure(source, fallbackLearner, 'SUBMISSION_INVALID', parsed.error);

  const { lab, learner, language, code, steps, quiz } = parsed.data;
  if (code === undefined && steps === undefined) return failure(source, learner ?? fallbackLearner, 'SUBMISSION_EMPTY');
  const input: SubmissionInput = { source };
  if (language) input.language = language;
  if (code !== undefined) input.code = code;
  if (steps) input.steps = steps;
  if (quiz) input.quiz = quiz;
  return { ok: true, source, learner: learner ?? fallbackLearner, input, ...(lab ? { lab } : {}) };
}

function readExport(source: string, learner: string, data: Record<string, unknown>): SubmissionItem {
  if (data.formatVersion !== EXPORT_FORMAT_VERSION) {
    return failure(source, learner, 'EXPORT_VERSION_UNKNOWN', {
      version: JSON.stringify(data.formatVersion),
      expected: EXPORT_FORMAT_VERSION,
    });
  }
  const parsed = z.safeParse(submissionExportSchema, data, ISSUE_INPUT);
  if (!parsed.success) return schemaFailure(source, learner, 'EXPORT_INVALID', parsed.error);

  // The claim is the object as written, not zod's copy without unknown members, so that the digest covers those too.
  const claim = data as SubmissionExport;
  return {
    ok: true,
    source,
    learner: claim.learner ?? learner,
    lab: claim.lab.id,
    input: exportToInput(claim, source),
    claim,
  };
}

function schemaFailure(
  source: string,
  learner: string,
  code: InputErrorCode,
  error: { issues: readonly SchemaIssue[] },
): SubmissionItem {
  const first = error.issues[0];
  const path = first ? formatPath(first.path) : '';
  return failure(source, learner, code, { path, reason: describeIssues(error.issues) });
}

function failure(
  source: string,
  learner: string,
  code: InputErrorCode,
  data: Record<string, unknown> = {},
): SubmissionItem {
  return { ok: false, source, learner, error: inputError(code, data) };
}

/** True when arrays and objects nest deeper than `limit`; walks with its own stack, not recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
