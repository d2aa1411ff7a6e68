/**
 * Reads a CSV with one row per learner. The header names a learner id
 * column and either a `code` column (one code text with every step's
 * variables) or one column per step, named by the step id or its variable.
 * Optional columns: `lab`, `language`, and one per quiz question named
 * `q1`, `quiz1`, `quiz.1` or `question 1`.
 */
import type { LabPack } from '../engine/lab-pack.ts';
import type { SubmissionInput } from '../engine/grade.ts';
import type { Language } from '../extract/index.ts';
import { CsvParser, MAX_RECORD_CHARS, type CsvError, type CsvItem } from './csv-parse.ts';
import { inputError } from './input-errors.ts';
import type { SubmissionItem } from './items.ts';

/** Header names of the learner id column, in order of preference (compared without case). */
export const ID_COLUMNS = ['learner', 'learner_id', 'learner id', 'student', 'student_id', 'student id', 'id', 'email', 'username', 'user'];

const LANGUAGES: ReadonlySet<string> = new Set(['python', 'javascript', 'typescript', 'shell']);
const QUIZ_COLUMN = /^(?:q|quiz|question)[ ._-]?([0-9]+)$/i;

interface Layout {
  id: number;
  code?: number;
  lab?: number;
  language?: number;
  /** Column index to step id. */
  steps: Map<number, string>;
  /** Column index to question id. */
  quiz: Map<number, string>;
  /** The lab whose step ids or variables the step columns name. */
  headerLab?: string;
  width: number;
}

type HeaderError = { error: 'CSV_NO_ID_COLUMN' | 'CSV_NO_CODE_COLUMN' | 'CSV_HEADER_DUPLICATE'; data: Record<string, unknown> };

export class CsvSubmissionReader {
  private readonly parser: CsvParser;
  private layout: Layout | undefined;
  private broken = false;
  private rows = 0;

  constructor(
    private readonly source: string,
    private readonly labs: readonly LabPack[],
    private readonly maxRecordChars = MAX_RECORD_CHARS,
  ) {
    this.parser = new CsvParser({ maxRecordChars });
  }

  push(chunk: string): SubmissionItem[] {
    return this.toItems(this.parser.push(chunk));
  }

  end(): SubmissionItem[] {
    const items = this.toItems(this.parser.end());
    if (!this.broken && this.rows === 0) {
      items.push({ ok: false, source: this.source, error: inputError('CSV_NO_ROWS', { header: this.layout !== undefined }) });
    }
    return items;
  }

  private toItems(records: CsvItem[]): SubmissionItem[] {
    const items: SubmissionItem[] = [];
    for (const record of records) {
      if (this.broken) break;
      const item = this.layout ? this.rowItem(this.layout, record) : this.readHeader(record);
      if (!item) continue;
      items.push(item);
      if (this.layout) this.rows += 1;
    }
    return items;
  }

  private readHeader(record: CsvItem): SubmissionItem | undefined {
    if (!record.ok) {
      this.broken = true;
      return this.failure(record.line, undefined, record.code, this.recordData(record));
    }
    const layout = headerLayout(record.fields, this.labs);
    if ('error' in layout) {
      this.broken = true;
      return { ok: false, source: this.source, error: inputError(layout.error, layout.data) };
    }
    this.layout = layout;
    return undefined;
  }

  private rowItem(layout: Layout, record: CsvItem): SubmissionItem {
    if (!record.ok) return this.failure(record.line, undefined, record.code, this.recordData(record));

    const { fields, line } = record;
    const learner = fields[layout.id]?.trim();
    if (fields.length !== layout.width) {
      return this.failure(line, learner || undefined, 'CSV_FIELD_COUNT', { line, actual: fields.length, expected: layout.width });
    }
    if (!learner) return this.failure(line, undefined, 'CSV_ID_EMPTY', { line });

    const input: SubmissionInput = { source: `${this.source}:${line}` };
    const code = layout.code === undefined ? undefined : fields[layout.code];
    if (code) input.code = code;
    const steps: Record<string, string> = {};
    for (const [column, stepId] of layout.steps) {
      const text = fields[column];
      if (text) steps[stepId] = text;
    }
    if (layout.steps.size > 0) input.steps = steps;
    const quiz: Record<string, string> = {};
    for (const [column, questionId] of layout.quiz) {
      const choice = fields[column]?.trim();
      if (choice) quiz[questionId] = choice;
    }
    input.quiz = quiz;
    const language = layout.language === undefined ? '' : (fields[layout.language] ?? '').trim();
    if (language && !LANGUAGES.has(language.toLowerCase())) {
      const expected = [...LANGUAGES].join(', ');
      return this.failure(line, learner, 'CSV_LANGUAGE_INVALID', { line, column: (layout.language ?? 0) + 1, value: language, expected });
    }
    if (language) input.language = language.toLowerCase() as Language;

    const lab = (layout.lab === undefined ? '' : (fields[layout.lab] ?? '').trim()) || layout.headerLab;
    return { ok: true, source: `${this.source}:${line}`, learner, input, ...(lab ? { lab } : {}) };
  }

  private recordData(record: CsvError): Record<string, unknown> {
    const { line, lastLine, column } = record;
    return { line, limit: this.maxRecordChars, ...(lastLine ? { lastLine } : {}), ...(column ? { column } : {}) };
  }

  private failure(line: number, learner: string | undefined, code: Parameters<typeof inputError>[0], data: Record<string, unknown>): SubmissionItem {
    return {
      ok: false,
      source: `${this.source}:${line}`,
      ...(learner === undefined ? {} : { learner }),
      error: inputError(code, data),
    };
  }
}

function headerLayout(fields: readonly string[], labs: readonly LabPack[]): Layout | HeaderError {
  const names = fields.map((field) => field.trim().toLowerCase());
  const duplicate = duplicateColumn(fields, names);
  if (duplicate) return { error: 'CSV_HEADER_DUPLICATE', data: duplicate };
  const id = ID_COLUMNS.map((name) => names.indexOf(name)).find((index) => index !== -1);
  if (id === undefined) {
    return { error: 'CSV_NO_ID_COLUMN', data: { expected: ID_COLUMNS.map((name) => JSON.stringify(name)).join(', ') } };
  }

  const layout: Layout = { id, steps: new Map(), quiz: new Map(), width: fields.length };
  const code = names.indexOf('code');
  if (code !== -1) layout.code = code;
  const lab = names.indexOf('lab');
  if (lab !== -1) layout.lab = lab;
  const language = names.indexOf('language');
  if (language !== -1) layout.language = language;

  let best: { lab: LabPack; steps: Map<number, string> } | undefined;
  for (const candidate of labs) {
    const steps = new Map<number, string>();
    names.forEach((name, index) => {
      const step = candidate.steps.find((s) => s.id === name || s.variable.toLowerCase() === name);
      if (step && index !== id) steps.set(index, step.id);
    });
    if (steps.size > 0 && (!best || steps.size > best.steps.size)) best = { lab: candidate, steps };
  }
  if (best) {
    layout.steps = best.steps;
    layout.headerLab = best.lab.id;
  }
  if (layout.code === undefined && layout.steps.size === 0) {
    const expected = labs.flatMap((pack) => pack.steps.map((step) => step.id)).join(', ');
    return { error: 'CSV_NO_CODE_COLUMN', data: { expected } };
  }

  names.forEach((name, index) => {
    const match = QUIZ_COLUMN.exec(name);
    if (match?.[1] && index !== id) layout.quiz.set(index, match[1]);
  });
  const shared = sharedMeaning(fields, layout.steps, 'step') ?? sharedMeaning(fields, layout.quiz, 'question');
  if (shared) return { error: 'CSV_HEADER_DUPLICATE', data: shared };
  return layout;
}

/**
 * Finds the first column name that appears twice (compared as the reader
 * matches names: trimmed, without case). Empty names are not compared,
 * because spreadsheets often export unused columns with none.
 */
function duplicateColumn(fields: readonly string[], names: readonly string[]): Record<string, unknown> | undefined {
  const seen = new Map<string, number>();
  for (const [index, name] of names.entries()) {
    if (!name) continue;
    const first = seen.get(name);
    if (first !== undefined) return { header: fields[first]!.trim(), other: fields[index]!.trim(), first: first + 1, second: index + 1 };
    seen.set(name, index);
  }
  return undefined;
}

/** Finds two columns that name the same step or question in different ways, such as `role_name` and `role-name`. */
function sharedMeaning(fields: readonly string[], columns: ReadonlyMap<number, string>, kind: string): Record<string, unknown> | undefined {
  const seen = new Map<string, number>();
  for (const [index, id] of columns) {
    const first = seen.get(id);
    if (first !== undefined) {
      return { header: fields[first]!.trim(), other: fields[index]!.trim(), first: first + 1, second: index + 1, meaning: `${kind} ${id}` };
    }
    seen.set(id, index);
  }
  return undefined;
}
