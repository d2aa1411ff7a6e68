/**
 * Reads submissions from files and folders for `lab-check grade`: code files
 * by their extension, JSON submissions naming their lab, and submission
 * exports. CSV files and ZIP archives are listed here and read by
 * input-files.ts. Folders are
 * walked lazily, one directory listing at a time, so that memory stays flat
 * on folders of any size.
 */
import { opendir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import * as z from 'zod/mini';
import type { Language } from '../core/extract/index.ts';
import type { SubmissionInput } from '../core/engine/index.ts';
import { CODE_EXTENSIONS, EXPORT_FORMAT, readJsonSubmission, type SubmissionExport } from '../core/submissions/index.ts';
import { ISSUE_INPUT, describeIssues } from '../core/schema-issues.ts';
import { BATCH_EXTENSIONS } from './input-files.ts';

export const SUBMISSION_EXTENSIONS: Readonly<Record<string, Language | undefined>> = {
  ...CODE_EXTENSIONS,
  '.json': undefined,
};

/** The largest submission file read; anything larger is reported instead of read. */
export const MAX_SUBMISSION_BYTES = 10 * 1024 * 1024;

const jsonSubmissionSchema = z.object({
  lab: z.optional(z.string()),
  language: z.optional(z.enum(['python', 'javascript', 'typescript', 'shell'])),
  code: z.optional(z.string()),
  steps: z.optional(z.record(z.string(), z.string())),
  quiz: z.optional(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
});

export type ReadSubmission =
  | { ok: true; source: string; lab?: string; input: SubmissionInput; claim?: SubmissionExport }
  | { ok: false; source: string; error: string };

/** Yields every submission file under `paths`, in sorted order within each folder. */
export async function* walkSubmissionFiles(paths: readonly string[]): AsyncGenerator<string | { error: string; source: string }> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { source: path, error: `cannot read ${path}: ${describe(error)}` };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(path);
    else yield path;
  }
}

async function* walkFolder(folder: string): AsyncGenerator<string | { error: string; source: string }> {
  const files: string[] = [];
  const folders: string[] = [];
  try {
    for await (const entry of await opendir(folder)) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile() && isSubmissionFile(entry.name)) files.push(path);
    }
  } catch (error) {
    yield { source: folder, error: `cannot read folder ${folder}: ${describe(error)}` };
    return;
  }
  files.sort();
  folders.sort();
  yield* files;
  for (const child of folders) yield* walkFolder(child);
}

function isSubmissionFile(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return extension in SUBMISSION_EXTENSIONS || BATCH_EXTENSIONS.has(extension);
}

/** Reads one submission file; never throws. */
export async function readSubmission(path: string): Promise<ReadSubmission> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, source: path, error: `${path} is not a regular file` };
    if (info.size > MAX_SUBMISSION_BYTES) {
      return { ok: false, source: path, error: `${path} is ${info.size} bytes; the limit is ${MAX_SUBMISSION_BYTES} bytes` };
    }
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, source: path, error: `cannot read ${path}: ${describe(error)}` };
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, source: path, error: `${path} is not UTF-8 text; save it as UTF-8 and grade it again` };
  }
  const extension = extname(path).toLowerCase();
  if (extension !== '.json') {
    const language = SUBMISSION_EXTENSIONS[extension];
    return { ok: true, source: path, input: { source: path, code: text, ...(language ? { language } : {}) } };
  }
  return parseJsonSubmission(path, text);
}

/** Reads a `{"lab", "language", "code" | "steps", "quiz"}` submission. */
export function parseJsonSubmission(source: string, text: string): ReadSubmission {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, source, error: `${source} is not valid JSON: ${describe(error)}` };
  }
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === EXPORT_FORMAT) {
    return readExport(source, text);
  }
  const parsed = z.safeParse(jsonSubmissionSchema, data, ISSUE_INPUT);
  if (!parsed.success) {
    return { ok: false, source, error: `${source} is not a submission: ${describeIssues(parsed.error.issues)}` };
  }
  const { lab, language, code, steps, quiz } = parsed.data;
  if (code === undefined && steps === undefined) {
    return { ok: false, source, error: `${source} has neither "code" nor "steps"` };
  }

  const input: SubmissionInput = { source };
  if (language) input.language = language;
  if (code !== undefined) input.code = code;
  if (steps) input.steps = steps;
  if (quiz) input.quiz = quiz;
  return { ok: true, source, input, ...(lab ? { lab } : {}) };
}

/** Reads a submission export with the core's reader, which also checks its format version. */
function readExport(source: string, text: string): ReadSubmission {
  const item = readJsonSubmission(source, text);
  if (!item.ok) return { ok: false, source, error: `${source}: ${item.error.message}` };
  const { input, lab, claim } = item;
  return { ok: true, source, input, ...(lab ? { lab } : {}), ...(claim ? { claim } : {}) };
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code === 'ENOENT' ? 'no such file or folder' : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
