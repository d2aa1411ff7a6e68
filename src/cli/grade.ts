/**
 * `lab-check grade PATH... [--lab ID] [--format json|text|csv|junit|gradescope]`:
 * grades submission files, folders, CSV files and ZIP archives.
 */
import { parseArgs } from 'node:util';
import {
  LABS,
  chooseLabByVariables,
  findLab,
  gradeSubmission,
  type LabPack,
  type SubmissionReport,
} from '../core/engine/index.ts';
import { GRADER } from '../core/version.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { readSubmission, walkSubmissionFiles, type ReadSubmission } from './submission-files.ts';
import { BATCH_EXTENSIONS, readSubmissionItems } from './input-files.ts';
import { ROW_FORMATS, gradeToRows, type RowFormat } from './grade-rows.ts';
import { formatReportText } from './report-text.ts';
import { jsonText, visibleText } from '../core/submissions/visible-text.ts';

const USAGE = 'Usage: lab-check grade PATH... [--lab ID] [--format json|text|csv|junit|gradescope]\n';
const FORMATS: readonly string[] = ['json', 'text', ...ROW_FORMATS];

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { lab: { type: 'string' }, format: { type: 'string', default: 'text' } },
    });
  } catch (error) {
    io.stderr(`lab-check grade: ${(error as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }

  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    io.stderr(`lab-check grade: no submission files or folders given.\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (!FORMATS.includes(values.format)) {
    io.stderr(`lab-check grade: --format must be one of ${FORMATS.join(', ')}, not "${values.format}".\n`);
    return EXIT_USAGE;
  }
  const forcedLab = values.lab === undefined ? undefined : findLab(values.lab);
  if (values.lab !== undefined && !forcedLab) {
    io.stderr(`lab-check grade: unknown lab "${values.lab}"; known labs: ${LABS.map((lab) => lab.id).join(', ')}.\n`);
    return EXIT_USAGE;
  }

  const paths = positionals.map((path) => resolvePath(io.cwd, path));
  if (ROW_FORMATS.includes(values.format as RowFormat)) {
    return gradeToRows(paths, values.format as RowFormat, forcedLab, io, (path) => displayPath(io.cwd, path));
  }

  const output = values.format === 'json' ? new JsonOutput(io, forcedLab) : new TextOutput(io);
  let allPass = true;
  let readErrors = 0;

  for await (const entry of walkSubmissionFiles(paths)) {
    if ('error' in entry) {
      readErrors += 1;
      io.stderr(`lab-check grade: ${visibleText(displayPath(io.cwd, entry.source))}: ${visibleText(entry.error.message)}\n`);
      continue;
    }
    for await (const submission of readSubmissions(entry.path, displayPath(io.cwd, entry.source))) {
      if (!submission.ok) {
        readErrors += 1;
        io.stderr(`lab-check grade: ${visibleText(submission.error)}\n`);
        continue;
      }

      const lab = resolveLab(submission.lab, forcedLab, submission.input);
      if (!lab) {
        readErrors += 1;
        const named = submission.lab ? `names unknown lab "${submission.lab}"` : 'defines no known lab\'s variables';
        io.stderr(`lab-check grade: ${visibleText(`${submission.source} ${named}`)}; pass --lab ID.\n`);
        continue;
      }
      const report = gradeSubmission(lab, { ...submission.input, source: submission.source });
      if (!passes(report)) allPass = false;
      output.write(report);
      await io.drain?.();
    }
  }
  output.end();

  if (readErrors > 0) return EXIT_USAGE;
  return allPass ? EXIT_OK : EXIT_INVALID;
}

/**
 * Reads the submissions in the file at `path`, shown as `source`: one for
 * a code or JSON file, and one per row or entry for a CSV file or a ZIP
 * archive.
 */
async function* readSubmissions(path: string, source: string): AsyncGenerator<ReadSubmission> {
  const extension = source.slice(source.lastIndexOf('.')).toLowerCase();
  if (!BATCH_EXTENSIONS.has(extension)) {
    yield await readSubmission(path, source);
    return;
  }
  for await (const item of readSubmissionItems(path, source)) {
    if (!item.ok) yield { ok: false, source: item.source, error: `${item.source}: ${item.error.message}` };
    else yield { ok: true, source: item.source, input: item.input, ...(item.lab ? { lab: item.lab } : {}) };
  }
}

function resolveLab(
  named: string | undefined,
  forced: LabPack | undefined,
  input: { code?: string; steps?: Readonly<Record<string, string>> },
): LabPack | undefined {
  if (named) return findLab(named);
  if (forced) return forced;
  const codes = [input.code, ...Object.values(input.steps ?? {})].filter(
    (code): code is string => typeof code === 'string',
  );
  return chooseLabByVariables(codes, LABS);
}

/** True when every step and quiz question passes. */
export function passes(report: SubmissionReport): boolean {
  return report.steps.every((step) => step.status === 'pass') && report.quiz.every((q) => q.status !== 'fail');
}

/** Streams `{"lab", "labVersion", "grader", "submissions": [...]}` one submission at a time. */
class JsonOutput {
  private count = 0;

  constructor(
    private readonly io: CliIo,
    private readonly lab: LabPack | undefined,
  ) {}

  write(report: SubmissionReport): void {
    if (this.count === 0) {
      const lab = this.lab ?? findLab(report.lab);
      this.io.stdout(
        `{"lab":${JSON.stringify(lab?.id ?? report.lab)},"labVersion":${JSON.stringify(lab?.version ?? report.labVersion)},` +
          `"grader":${JSON.stringify(GRADER)},"submissions":[\n`,
      );
    } else {
      this.io.stdout(',\n');
    }
    this.io.stdout(jsonText(report));
    this.count += 1;
  }

  end(): void {
    if (this.count === 0) {
      const lab = this.lab;
      this.io.stdout(
        `{"lab":${JSON.stringify(lab?.id ?? null)},"labVersion":${JSON.stringify(lab?.version ?? null)},` +
          `"grader":${JSON.stringify(GRADER)},"submissions":[\n`,
      );
    }
    this.io.stdout('\n]}\n');
  }
}

class TextOutput {
  constructor(private readonly io: CliIo) {}

  write(report: SubmissionReport): void {
    this.io.stdout(formatReportText(report));
  }

  end(): void {}
}

export function resolvePath(cwd: string, path: string): string {
  return path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
}

export function displayPath(cwd: string, path: string): string {
  const prefix = `${cwd.replace(/\/$/, '')}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
