/** Builds and checks submission exports (see export-format.ts for the format). */
import type { SubmissionInput } from '../engine/grade.ts';
import type { SubmissionReport } from '../engine/report.ts';
import { DIGEST_ALGORITHM, digestOf } from './digest.ts';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportAnswers,
  type SubmissionExport,
} from './export-format.ts';

export interface ExportRequest {
  /** The answers as they were graded. */
  input: SubmissionInput;
  /** The report that `gradeSubmission` returned for `input`. */
  report: SubmissionReport;
  /** The export time; the caller passes it so that the core reads no clock. */
  exportedAt: Date;
  learner?: string;
  page?: string;
}

/** Builds the export of one graded submission, with its digest. */
export async function buildSubmissionExport(request: ExportRequest): Promise<SubmissionExport> {
  const { input, report } = request;
  const answers: ExportAnswers = { quiz: copyQuiz(input.quiz) };
  if (input.language !== undefined) answers.language = input.language;
  if (input.code !== undefined) answers.code = input.code;
  if (input.steps !== undefined) answers.steps = { ...input.steps };

  const body: Omit<SubmissionExport, 'digest'> = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    lab: { id: report.lab, version: report.labVersion },
    grader: report.grader,
    exportedAt: request.exportedAt.toISOString(),
    ...(request.learner === undefined ? {} : { learner: request.learner }),
    ...(request.page === undefined ? {} : { page: request.page }),
    answers,
    report,
  };
  return { ...body, digest: { algorithm: DIGEST_ALGORITHM, value: await exportDigest(body) } };
}

/** Names an export file after its lab, learner and time, such as `aws-assume-role-temporary-access-20261201-0930.json`. */
export function exportFileName(submission: SubmissionExport): string {
  const time = submission.exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const learner = submission.learner ? `-${submission.learner.replace(/[^A-Za-z0-9._@-]+/g, '_').slice(0, 60)}` : '';
  return `${submission.lab.id}${learner}-${time}.json`;
}

/** Computes the digest an export should carry: over every member except `digest`. */
export function exportDigest(submission: Omit<SubmissionExport, 'digest'> | SubmissionExport): Promise<string> {
  const { digest: _digest, ...body } = submission as SubmissionExport;
  return digestOf(body);
}

/** True when the export's digest matches its content. */
export async function hasValidDigest(submission: SubmissionExport): Promise<boolean> {
  return (await exportDigest(submission)) === submission.digest.value;
}

/** The engine input that regrades an export's answers. */
export function exportToInput(submission: SubmissionExport, source?: string): SubmissionInput {
  const { language, code, steps, quiz } = submission.answers;
  const input: SubmissionInput = { quiz };
  if (source !== undefined) input.source = source;
  if (language !== undefined) input.language = language;
  if (code !== undefined) input.code = code;
  if (steps !== undefined) input.steps = steps;
  return input;
}

function copyQuiz(quiz: SubmissionInput['quiz']): ExportAnswers['quiz'] {
  const copy: ExportAnswers['quiz'] = {};
  for (const [id, choice] of Object.entries(quiz ?? {})) {
    copy[id] = typeof choice === 'string' ? choice : [...choice];
  }
  return copy;
}
