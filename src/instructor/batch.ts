/**
 * The regrade batch behind the instructor page, run in its Web Worker: it
 * reads dropped files, regrades each submission, keeps every row with its
 * input for the detail view, and writes the exports. It uses no DOM, so
 * the unit tests run it in Node.
 */
import type { SubmissionInput } from '../core/engine/grade.ts';
import type { LabPack } from '../core/engine/lab-pack.ts';
import { GRADER } from '../core/version.ts';
import {
  BatchRegrader,
  completeRow,
  gradeJob,
  gradescopeResults,
  quizTotals,
  readInputFile,
  rowMessage,
  rowOutcome,
  stepColumns,
  writeCsv,
  writeJson,
  type GradeJob,
  type GradeResult,
  type InputFile,
  type RegradeRow,
  visibleText,
} from '../core/submissions/index.ts';
import { strToU8, zipSync } from 'fflate';
import type { ExportFormat, RowSummary } from './protocol.ts';

/** Grades one job, in this worker or in a pool of them. */
export type Grader = (job: GradeJob) => Promise<GradeResult>;

export interface BatchEvents {
  /** Rows regraded since the last call. */
  rows(rows: RowSummary[]): void;
  progress(bytesRead: number, bytesTotal: number, rows: number): void;
}

/** How often, at most, rows and progress go to the page while grading, in milliseconds. */
const REPORT_INTERVAL_MS = 100;
/** The maximum number of jobs handed to the grader and not yet back; it bounds memory on large archives. */
const MAX_IN_FLIGHT = 64;

export class RegradeBatch {
  private readonly regrader: BatchRegrader;
  /** The rows by index; a row's slot stays empty until its grading is done. */
  private readonly rows: RegradeRow[] = [];
  private readonly inputs: Array<SubmissionInput | undefined> = [];

  private readonly labs: readonly LabPack[];
  /** The lab chosen on the page, or undefined to grade each submission against its own. */
  private readonly lab: LabPack | undefined;
  /** The ids of the labs graded so far. */
  private readonly gradedLabs = new Set<string>();
  private readonly grader: Grader;
  private readonly now: () => number;
  private cancelled = false;

  constructor(options: { labs: readonly LabPack[]; lab?: LabPack; grader?: Grader; now?: () => number }) {
    const { labs, lab } = options;
    this.labs = labs;
    this.lab = lab;
    this.grader = options.grader ?? ((job) => gradeJob(job, labs));
    this.now = options.now ?? (() => performance.now());
    this.regrader = new BatchRegrader({ labs, ...(lab ? { lab } : {}), oneLab: true });
  }

  /** Stops a grading in progress after the submission it is on; its rows so far are kept. */
  cancel(): void {
    this.cancelled = true;
  }

  get size(): number {
    return this.rows.length;
  }

  /** The table's step columns: those of the chosen lab, or else of every lab graded so far. */
  get stepColumns(): string[] {
    return stepColumns(this.lab ? [this.lab] : this.labs.filter((lab) => this.gradedLabs.has(lab.id)));
  }

  /** Regrades every submission in `files`, reporting rows in groups as they are graded. */
  async grade(files: readonly InputFile[], events: BatchEvents): Promise<void> {
    const bytesTotal = files.reduce((total, file) => total + file.size, 0);
    let bytesRead = 0;
    let pending: RowSummary[] = [];
    let reportedAt = this.now();
    const flush = () => {
      if (pending.length > 0) events.rows(pending);
      pending = [];
      events.progress(bytesRead, bytesTotal, this.rows.length);
      reportedAt = this.now();
    };

    const inFlight = new Set<Promise<void>>();
    const finish = (row: RegradeRow) => {
      this.rows[row.index] = row;
      if (row.report) this.gradedLabs.add(row.report.lab);
      pending.push(summarize(row));
      if (this.now() - reportedAt >= REPORT_INTERVAL_MS) flush();
    };

    for (const file of files) {
      if (this.cancelled) break;
      // A ZIP archive is read by range, some ranges twice (its central directory), so progress stops at its size.
      let rangeBytes = 0;
      const counted: InputFile = {
        ...file,
        chunks: () => countBytes(file.chunks(), (n) => (bytesRead += n)),
        read: async (start, end) => {
          const bytes = await file.read(start, end);
          const added = Math.min(bytes.length, file.size - rangeBytes);
          rangeBytes += added;
          bytesRead += added;
          return bytes;
        },
      };
      for await (const item of readInputFile(counted, { labs: this.labs })) {
        if (this.cancelled) break;
        const { row, job } = this.regrader.prepare(item);
        this.inputs[row.index] = item.ok ? item.input : undefined;
        if (!job) {
          finish(row);
          continue;
        }
        const graded = this.grader(job).then((result) => finish(completeRow(row, result)));
        const tracked = graded.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
        if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    bytesRead = bytesTotal;
    flush();
  }

  detail(index: number): { row: RegradeRow; input?: SubmissionInput } | undefined {
    const row = this.rows[index];
    if (!row) return undefined;
    const input = this.inputs[index];
    return input ? { row, input } : { row };
  }

  /**
   * Writes the batch in an export format; Gradescope's is a ZIP of one
   * results.json per row. The CSV has the step columns of the chosen lab,
   * or else of every lab, as `lab-check grade --format csv` writes it.
   */
  export(format: ExportFormat): { fileName: string; bytes: Uint8Array; type: string } {
    const lab = this.lab;
    const rows = this.rows.filter((row) => row !== undefined);
    const [onlyLab] = this.gradedLabs.size === 1 ? this.gradedLabs : [];
    const stem = `lab-check-${lab?.id ?? onlyLab ?? 'regrade'}`;
    switch (format) {
      case 'csv':
        return { fileName: `${stem}.csv`, bytes: strToU8(writeCsv(rows, lab ? [lab] : this.labs)), type: 'text/csv' };
      case 'json':
        return { fileName: `${stem}.json`, bytes: strToU8(writeJson(rows, GRADER, lab?.id)), type: 'application/json' };
      case 'gradescope':
        return { fileName: `${stem}-gradescope.zip`, bytes: gradescopeArchive(rows), type: 'application/zip' };
    }
  }
}

/** Writes one results.json per row into a ZIP archive, in a folder named after the learner. */
function gradescopeArchive(rows: readonly RegradeRow[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const used = new Set<string>();
  for (const row of rows) {
    const folder = uniqueName(safeName(row.learner || row.source), used);
    files[`${folder}/results.json`] = strToU8(`${JSON.stringify(gradescopeResults(row), null, 2)}\n`);
  }
  return zipSync(files);
}

/** Condenses a row into what the table shows, with learner text made visible (see visible-text.ts). */
export function summarize(row: RegradeRow): RowSummary {
  const report = row.report;
  const steps: RowSummary['steps'] = {};
  if (report) for (const step of report.steps) steps[step.id] = step.status;
  return {
    index: row.index,
    learner: visibleText(row.learner),
    source: visibleText(row.source),
    lab: report?.lab ?? '',
    outcome: rowOutcome(row),
    steps,
    quiz: report ? quizTotals(report.quiz) : undefined,
    score: report ? { ...report.score } : undefined,
    flags: [...(row.error ? [row.error.code] : []), ...row.flags.map((flag) => flag.code)],
    message: rowMessage(row),
  };
}

async function* countBytes(chunks: AsyncIterable<Uint8Array>, count: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    count(chunk.length);
    yield chunk;
  }
}

/** Turns a learner id into a folder name that is safe in a ZIP archive on any system. */
function safeName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._@-]+/g, '_').replace(/^\.+/, '_').slice(0, 100);
  return safe || 'submission';
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${name}-${n}`;
  used.add(candidate);
  return candidate;
}
