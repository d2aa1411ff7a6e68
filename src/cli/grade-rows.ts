/**
 * `lab-check grade --format csv|junit|gradescope`: regrades every input into
 * one row per submission, as the instructor page does, and streams the rows
 * out as they are graded. Unreadable inputs become error rows and are also
 * reported on standard error.
 */
import { LABS, type LabPack } from '../core/engine/index.ts';
import {
  BatchRegrader,
  JUNIT_HEAD,
  JUNIT_TAIL,
  csvHeader,
  csvRow,
  gradescopeResults,
  junitSuite,
  type RegradeRow,
  type SubmissionItem,
} from '../core/submissions/index.ts';
import { jsonText, visibleText } from '../core/submissions/visible-text.ts';
import { passes } from './grade.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { readSubmissionItems } from './input-files.ts';
import { walkSubmissionFiles } from './submission-files.ts';

export const ROW_FORMATS = ['csv', 'junit', 'gradescope'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

interface RowWriter {
  write(row: RegradeRow): void;
  end(): void;
}

export async function gradeToRows(
  paths: readonly string[],
  format: RowFormat,
  forcedLab: LabPack | undefined,
  io: CliIo,
  displayPath: (path: string) => string,
): Promise<number> {
  const regrader = new BatchRegrader({ labs: LABS, ...(forcedLab ? { lab: forcedLab } : {}), oneLab: format === 'csv' });
  const writer = makeWriter(format, forcedLab ? [forcedLab] : LABS, io);
  let allPass = true;
  let readErrors = 0;

  for await (const item of readItems(paths, displayPath)) {
    const row = await regrader.regrade(item);
    if (row.error) {
      readErrors += 1;
      io.stderr(`lab-check grade: ${visibleText(row.source)}: ${visibleText(row.error.message)}\n`);
    } else if (!rowPasses(row)) {
      allPass = false;
    }
    writer.write(row);
    await io.drain?.();
  }
  writer.end();

  if (readErrors > 0) return EXIT_USAGE;
  return allPass ? EXIT_OK : EXIT_INVALID;
}

/** True when every step and quiz question passes and nothing is flagged. */
export function rowPasses(row: RegradeRow): boolean {
  return row.report !== undefined && row.flags.length === 0 && passes(row.report);
}

/** Yields the submission items of every file under `paths`, one file at a time. */
async function* readItems(paths: readonly string[], displayPath: (path: string) => string): AsyncGenerator<SubmissionItem> {
  for await (const entry of walkSubmissionFiles(paths)) {
    if ('error' in entry) yield { ok: false, source: displayPath(entry.source), error: entry.error };
    else yield* readSubmissionItems(entry.path, displayPath(entry.source));
  }
}

function makeWriter(format: RowFormat, labs: readonly LabPack[], io: CliIo): RowWriter {
  switch (format) {
    case 'csv':
      return new CsvWriter(labs, io);
    case 'junit':
      return new JunitWriter(io);
    case 'gradescope':
      return new GradescopeWriter(io);
  }
}

/**
 * Writes the CSV with one column per step of `labs`: the `--lab` lab, or
 * else every lab, because each submission is graded against its own lab
 * and the header is written before the first of them is read.
 */
class CsvWriter implements RowWriter {
  private started = false;

  constructor(
    private readonly labs: readonly LabPack[],
    private readonly io: CliIo,
  ) {}

  write(row: RegradeRow): void {
    this.start();
    this.io.stdout(csvRow(row, this.labs));
  }

  end(): void {
    this.start();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.io.stdout(csvHeader(this.labs));
  }
}

class JunitWriter implements RowWriter {
  private started = false;

  constructor(private readonly io: CliIo) {}

  write(row: RegradeRow): void {
    if (!this.started) this.io.stdout(JUNIT_HEAD);
    this.started = true;
    this.io.stdout(junitSuite(row));
  }

  end(): void {
    if (!this.started) this.io.stdout(JUNIT_HEAD);
    this.io.stdout(JUNIT_TAIL);
  }
}

/**
 * Writes Gradescope's `results.json`: one JSON document for one submission,
 * as an autograder run has, or one document per line (JSON Lines) for
 * several.
 */
class GradescopeWriter implements RowWriter {
  private first: RegradeRow | undefined;
  private count = 0;

  constructor(private readonly io: CliIo) {}

  write(row: RegradeRow): void {
    this.count += 1;
    if (this.count === 1) {
      this.first = row;
      return;
    }
    if (this.first) {
      this.io.stdout(`${jsonText(gradescopeResults(this.first))}\n`);
      this.first = undefined;
    }
    this.io.stdout(`${jsonText(gradescopeResults(row))}\n`);
  }

  end(): void {
    if (this.first) this.io.stdout(`${jsonText(gradescopeResults(this.first), 2)}\n`);
  }
}
