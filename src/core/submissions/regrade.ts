/**
 * Regrades submission items with the current grader, one row per item, and
 * verifies the claims of exports: the digest, the grader and lab versions,
 * and the claimed report against the regrade.
 */
import { chooseLabByVariables } from '../engine/choose-lab.ts';
import { gradeSubmission, type SubmissionInput } from '../engine/grade.ts';
import { LABS } from '../../labs/index.ts';
import type { LabPack } from '../engine/lab-pack.ts';
import type { SubmissionReport } from '../engine/report.ts';
import { hasValidDigest } from './build-export.ts';
import { compareReports } from './compare-reports.ts';
import { inputError, rowFlag, type InputError, type RowFlag } from './input-errors.ts';
import type { SubmissionExport } from './export-format.ts';
import type { SubmissionItem } from './items.ts';

export interface RegradeRow {
  /** The row's position in the batch, from 0. */
  index: number;
  /** The learner id, or '' when an unreadable input names none. */
  learner: string;
  source: string;
  report?: SubmissionReport;
  error?: InputError;
  flags: RowFlag[];
  /** The claim of the export the row came from, when there was one. */
  claim?: { score: { earned: number; possible: number }; grader: string; labVersion: string; digestValid: boolean };
}

export interface RegradeOptions {
  labs: readonly LabPack[];
  /** The lab for submissions that name none; without it, each submission's lab is detected from its code. */
  lab?: LabPack;
  /**
   * With `lab` set, makes a submission that names another lab an error row
   * (LAB_MISMATCH) in place of grading it against the lab it names. A
   * tabular output whose columns are the steps of `lab` needs this.
   */
  oneLab?: boolean;
}

export class BatchRegrader {
  private count = 0;
  /**
   * Each learner id seen, to the index of its first row: the only state
   * kept per row, so memory grows by one entry per distinct learner id.
   */
  private readonly learners = new Map<string, number>();

  constructor(private readonly options: RegradeOptions) {}

  async regrade(item: SubmissionItem): Promise<RegradeRow> {
    const { row, job } = this.prepare(item);
    return job ? completeRow(row, await gradeJob(job, this.options.labs)) : row;
  }

  /**
   * Does the batch's share of a regrade, in item order: numbers the row,
   * flags a duplicate learner id and resolves the lab. The returned job,
   * when there is one, may be graded anywhere (another worker, say) and
   * its result joined to the row with `completeRow`.
   */
  prepare(item: SubmissionItem): { row: RegradeRow; job?: GradeJob } {
    const row: RegradeRow = { index: this.count, learner: item.learner ?? '', source: item.source, flags: [] };
    this.count += 1;
    this.flagDuplicate(row);
    if (!item.ok) return { row: { ...row, error: item.error } };

    const lab = this.resolveLab(item);
    if (!('id' in lab)) return { row: { ...row, error: lab } };
    return { row, job: { lab: lab.id, input: item.input, ...(item.claim ? { claim: item.claim } : {}) } };
  }

  private resolveLab(item: Extract<SubmissionItem, { ok: true }>): LabPack | InputError {
    const fixed = this.options.lab;
    let lab: LabPack | undefined;
    if (item.lab !== undefined) {
      lab = this.options.labs.find((candidate) => candidate.id === item.lab);
      if (!lab) return inputError('LAB_UNKNOWN', { lab: item.lab, expected: labIds(this.options.labs) });
    } else {
      lab = fixed ?? chooseLabByVariables(codesOf(item), this.options.labs);
      if (!lab) return inputError('LAB_NOT_DETECTED');
    }
    if (this.options.oneLab && fixed && lab.id !== fixed.id) return inputError('LAB_MISMATCH', { lab: lab.id, expected: fixed.id });
    return lab;
  }

  private flagDuplicate(row: RegradeRow): void {
    if (!row.learner) return;
    const first = this.learners.get(row.learner);
    if (first === undefined) this.learners.set(row.learner, row.index);
    else row.flags.push(rowFlag('DUPLICATE_LEARNER', { learner: row.learner, firstRow: first + 1 }));
  }
}

/** One submission to grade, as plain data that can be posted to a worker. */
export interface GradeJob {
  lab: string;
  input: SubmissionInput;
  claim?: SubmissionExport;
}

export interface GradeResult {
  report?: SubmissionReport;
  error?: InputError;
  flags: RowFlag[];
  claim?: RegradeRow['claim'];
}

/** Grades one job and verifies its claim; `labs` are the lab packs that ship with Lab Check by default. */
export async function gradeJob(job: GradeJob, labs: readonly LabPack[] = LABS): Promise<GradeResult> {
  const lab = labs.find((candidate) => candidate.id === job.lab);
  if (!lab) return { error: inputError('LAB_UNKNOWN', { lab: job.lab, expected: labIds(labs) }), flags: [] };

  const report = gradeSubmission(lab, job.input);
  if (!job.claim) return { report, flags: [] };
  return { report, ...(await verifyClaim(job.claim, report)) };
}

/** Joins a graded job's result to the row `prepare` started. */
export function completeRow(row: RegradeRow, result: GradeResult): RegradeRow {
  const done: RegradeRow = { ...row, flags: [...row.flags, ...result.flags] };
  if (result.report) done.report = result.report;
  if (result.error) done.error = result.error;
  if (result.claim) done.claim = result.claim;
  return done;
}

/** Regrades a list of items; rows come back in the items' order. */
export async function regradeAll(items: Iterable<SubmissionItem>, options: RegradeOptions): Promise<RegradeRow[]> {
  const regrader = new BatchRegrader(options);
  const rows: RegradeRow[] = [];
  for (const item of items) rows.push(await regrader.regrade(item));
  return rows;
}

async function verifyClaim(
  claim: SubmissionExport,
  report: SubmissionReport,
): Promise<{ flags: RowFlag[]; claim: NonNullable<RegradeRow['claim']> }> {
  const flags: RowFlag[] = [];
  const digestValid = await hasValidDigest(claim);
  if (!digestValid) flags.push(rowFlag('DIGEST_MISMATCH'));

  const sameGrader = claim.grader === report.grader && claim.report.grader === report.grader;
  if (!sameGrader) flags.push(rowFlag('GRADER_VERSION', { claimed: claim.report.grader, current: report.grader }));
  const sameLab = claim.lab.version === report.labVersion && claim.report.labVersion === report.labVersion;
  if (!sameLab) {
    const claimed = claim.lab.version === report.labVersion ? claim.report.labVersion : claim.lab.version;
    flags.push(rowFlag('LAB_VERSION', { claimed, current: report.labVersion }));
  }

  const differences = compareReports(claim.report, report, { outcomeOnly: !sameGrader || !sameLab });
  if (differences.length > 0) flags.push(rowFlag('CLAIM_MISMATCH', { differences }));
  const summary = { score: claim.report.score, grader: claim.grader, labVersion: claim.lab.version, digestValid };
  return { flags, claim: summary };
}

const labIds = (labs: readonly LabPack[]): string => labs.map((lab) => JSON.stringify(lab.id)).join(', ');

function codesOf(item: Extract<SubmissionItem, { ok: true }>): string[] {
  const codes = [item.input.code, ...Object.values(item.input.steps ?? {})];
  return codes.filter((code): code is string => typeof code === 'string');
}
