/**
 * Reads submissions from files and folders for `lab-check grade`: code files
 * by their extension, JSON submissions naming their lab, and submission
 * exports. CSV files and ZIP archives are listed here and read by
 * input-files.ts. Folders are walked lazily, one directory listing at a
 * time, so that memory stays flat on folders of any size.
 *
 * A folder walk grades regular files, and symbolic links to regular files
 * inside the folder given on the command line (as LMS downloads make).
 * Every other entry is reported, with the reason, except dot files and
 * the `__MACOSX` and `node_modules` folders, which are skipped silently.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, opendir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import * as z from 'zod/mini';
import type { Language } from '../core/extract/index.ts';
import type { SubmissionInput } from '../core/engine/index.ts';
import { CODE_EXTENSIONS, EXPORT_FORMAT, readJsonSubmission, type SubmissionExport } from '../core/submissions/index.ts';
import { inputError, type InputError } from '../core/submissions/input-errors.ts';
import { ISSUE_INPUT, describeIssues } from '../core/schema-issues.ts';
import { BATCH_EXTENSIONS } from './input-files.ts';

export const SUBMISSION_EXTENSIONS: Readonly<Record<string, Language | undefined>> = {
  ...CODE_EXTENSIONS,
  '.json': undefined,
};

/** The largest submission file read; anything larger is reported instead of read. */
export const MAX_SUBMISSION_BYTES = 10 * 1024 * 1024;

/** Folder entries skipped without a message: operating system and tool leftovers, never submissions. */
const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['__MACOSX', 'node_modules']);

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

/**
 * A file found by the walk: `path` is where to read it and `source` is the
 * path it was found at (a symbolic link's own path), or a file that is not
 * graded, with the reason.
 */
export type WalkEntry = { path: string; source: string } | { source: string; error: InputError };

/** Yields every submission file under `paths`, in sorted order within each folder. */
export async function* walkSubmissionFiles(paths: readonly string[]): AsyncGenerator<WalkEntry> {
  for (const path of paths) {
    let info;
    let root;
    try {
      info = await stat(path);
      root = info.isDirectory() ? await realpath(path) : undefined;
    } catch (error) {
      yield { source: path, error: inputError('FILE_UNREADABLE', { reason: describe(error) }) };
      continue;
    }
    if (root) yield* walkFolder(path, root);
    else yield { path, source: path };
  }
}

async function* walkFolder(folder: string, root: string): AsyncGenerator<WalkEntry> {
  const found: WalkEntry[] = [];
  const folders: string[] = [];
  try {
    for await (const entry of await opendir(folder)) {
      if (entry.name.startsWith('.') || IGNORED_FOLDERS.has(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else found.push(await classify(path, entry, root));
    }
  } catch (error) {
    yield { source: folder, error: inputError('FILE_UNREADABLE', { reason: `the folder could not be listed (${describe(error)})` }) };
    return;
  }
  found.sort(bySource);
  folders.sort();
  yield* found;
  for (const child of folders) yield* walkFolder(child, root);
}

function bySource(a: WalkEntry, b: WalkEntry): number {
  if (a.source === b.source) return 0;
  return a.source < b.source ? -1 : 1;
}

/** Decides whether a folder entry that is not a folder is graded, and why not. */
async function classify(path: string, entry: Dirent, root: string): Promise<WalkEntry> {
  if (entry.isFile()) return byExtension(path, path);
  if (entry.isSymbolicLink()) return followLink(path, root);
  // Some file systems report no entry type, so the entry is looked up.
  const info = entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice() ? entry : await lstatOrUndefined(path);
  if (info?.isFile()) return byExtension(path, path);
  if (info?.isSymbolicLink()) return followLink(path, root);
  return skipped(path, `it is ${kindOf(info)}, not a regular file`);
}

/**
 * Follows a symbolic link found by the walk. A link to a regular file
 * inside `root` is graded under the link's own name. A link out of
 * `root` is not followed, so that a submission cannot make the grader
 * read and quote a file elsewhere on the instructor's computer.
 */
async function followLink(path: string, root: string): Promise<WalkEntry> {
  let target;
  try {
    target = await realpath(path);
  } catch {
    return skipped(path, 'it is a symbolic link whose target does not exist');
  }
  if (target !== root && !target.startsWith(`${root}${sep}`)) {
    return skipped(path, 'it is a symbolic link to a path outside the folder being graded, and such links are not followed');
  }

  let info;
  try {
    info = await stat(target);
  } catch (error) {
    return { source: path, error: inputError('FILE_UNREADABLE', { reason: describe(error) }) };
  }
  if (info.isDirectory()) return skipped(path, 'it is a symbolic link to a folder, and linked folders are not walked');
  if (!info.isFile()) return skipped(path, `it is a symbolic link to ${kindOf(info)}, not to a regular file`);
  return byExtension(target, path);
}

function byExtension(path: string, source: string): WalkEntry {
  const extension = extname(source).toLowerCase();
  if (extension in SUBMISSION_EXTENSIONS || BATCH_EXTENSIONS.has(extension)) return { path, source };
  const expected = Object.keys(CODE_EXTENSIONS).join(', ');
  return { source, error: inputError('FILE_TYPE_UNSUPPORTED', { extension: extension || '(none)', expected }) };
}

function skipped(source: string, reason: string): WalkEntry {
  return { source, error: inputError('FILE_SKIPPED', { reason }) };
}

function kindOf(info: Dirent | Stats | undefined): string {
  if (info?.isFIFO()) return 'a FIFO (named pipe)';
  if (info?.isSocket()) return 'a socket';
  if (info?.isCharacterDevice()) return 'a character device';
  if (info?.isBlockDevice()) return 'a block device';
  return 'neither a file nor a folder';
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch {
    return undefined;
  }
}

/** Reads one submission file at `path`, named `source` in results and messages; never throws. */
export async function readSubmission(path: string, source = path): Promise<ReadSubmission> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, source, error: `${source} is not a regular file` };
    if (info.size > MAX_SUBMISSION_BYTES) {
      return { ok: false, source, error: `${source} is ${info.size} bytes; the limit is ${MAX_SUBMISSION_BYTES} bytes` };
    }
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, source, error: `cannot read ${source}: ${describe(error)}` };
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, source, error: `${source} is not UTF-8 text; save it as UTF-8 and grade it again` };
  }
  const extension = extname(source).toLowerCase();
  if (extension !== '.json') {
    const language = SUBMISSION_EXTENSIONS[extension];
    return { ok: true, source, input: { source, code: text, ...(language ? { language } : {}) } };
  }
  return parseJsonSubmission(source, text);
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
