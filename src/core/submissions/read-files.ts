/**
 * Reads instructor inputs into submission items: exports and plain JSON
 * submissions, code files, CSV files with one row per learner, and ZIP
 * archives of these. CSV files and archives are streamed, so their size
 * has no limit; every other file, and every archive entry, is read whole
 * up to `maxFileBytes`. An input that cannot be read becomes an error item
 * and reading goes on with the next.
 */
import type { LabPack } from '../engine/lab-pack.ts';
import type { Language } from '../extract/index.ts';
import { MAX_RECORD_CHARS } from './csv-parse.ts';
import { inputError } from './input-errors.ts';
import { extensionOf, learnerFromPath, type SubmissionItem } from './items.ts';
import { CsvSubmissionReader } from './read-csv.ts';
import { readJsonSubmission } from './read-json.ts';
import { concatBytes, readZipEntries, type ZipEntry } from './read-zip.ts';

/** Code file extensions and the language each implies; `.txt` leaves the language to detection. */
export const CODE_EXTENSIONS: Readonly<Record<string, Language | undefined>> = {
  '.py': 'python',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.ts': 'typescript',
  '.sh': 'shell',
  '.txt': undefined,
};

/** The largest submission file, or archive entry, read; the same limit as `lab-check grade` has. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * A file as both Node and the browser can hand it over: a name, a size, a
 * stream of bytes, and reads at any offset (which ZIP archives need,
 * because their list of entries is at the end).
 */
export interface InputFile {
  /** The path shown in results, such as `exports/alice.json`. */
  name: string;
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
  /** Returns bytes `start` to `end` (exclusive), or fewer when the file ends first. */
  read(start: number, end: number): Promise<Uint8Array>;
}

export interface ReadOptions {
  labs: readonly LabPack[];
  maxFileBytes?: number;
  maxRecordChars?: number;
}

/** True when `readInputFile` reads files with this name. */
export function isReadableName(name: string): boolean {
  const extension = extensionOf(name);
  return extension === '.json' || extension === '.csv' || extension === '.zip' || extension in CODE_EXTENSIONS;
}

/** Reads one input file; never throws on its content. */
export async function* readInputFile(file: InputFile, options: ReadOptions): AsyncGenerator<SubmissionItem> {
  const extension = extensionOf(file.name);
  const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
  try {
    if (extension === '.zip') yield* readZip(file, options, limit);
    else if (extension === '.csv') yield* readCsvStream(file.name, file.chunks(), options);
    else if (!isReadableName(file.name)) yield unsupported(file.name, extension);
    else if (file.size > limit) yield tooLarge(file.name, file.size, limit);
    else yield readTextFile(file.name, await readAll(file.chunks(), limit), options);
  } catch (error) {
    // Only the byte source can throw here (a file removed while it is read, say).
    yield failure(file.name, 'FILE_UNREADABLE', { reason: (error as Error).message });
  }
}

/** Reads the bytes of one JSON or code file (a file on disk or an archive entry). */
export function readTextFile(name: string, bytes: Uint8Array | undefined, options: ReadOptions): SubmissionItem {
  const limit = options.maxFileBytes ?? MAX_FILE_BYTES;
  if (bytes === undefined) return tooLarge(name, limit + 1, limit);
  const text = decodeUtf8(bytes);
  if (text === undefined) return failure(name, 'FILE_NOT_UTF8');

  const extension = extensionOf(name);
  if (extension === '.json') return readJsonSubmission(name, text);
  const language = CODE_EXTENSIONS[extension];
  return {
    ok: true,
    source: name,
    learner: learnerFromPath(name),
    input: { source: name, code: text, ...(language ? { language } : {}) },
  };
}

async function* readCsvStream(
  name: string,
  chunks: AsyncIterable<Uint8Array>,
  options: ReadOptions,
): AsyncGenerator<SubmissionItem> {
  const reader = new CsvSubmissionReader(name, options.labs, options.maxRecordChars ?? MAX_RECORD_CHARS);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) yield* reader.push(decoder.decode(chunk, { stream: true }));
    yield* reader.push(decoder.decode());
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    yield* reader.end();
    yield failure(name, 'FILE_NOT_UTF8');
    return;
  }
  yield* reader.end();
}

async function* readZip(file: InputFile, options: ReadOptions, limit: number): AsyncGenerator<SubmissionItem> {
  const skip = (name: string) => !isReadableName(name) && extensionOf(name) !== '.zip';
  let items = 0;
  for await (const entry of readZipEntries(file, { maxEntryBytes: limit, skip })) {
    for await (const item of readEntry(file.name, entry, options)) {
      items += 1;
      yield item;
    }
  }
  if (items === 0) yield failure(file.name, 'ZIP_NO_SUBMISSIONS');
}

async function* readEntry(archive: string, entry: ZipEntry, options: ReadOptions): AsyncGenerator<SubmissionItem> {
  const name = entry.name ? `${archive}/${entry.name}` : archive;
  const extension = extensionOf(entry.name);
  if ('error' in entry) yield { ok: false, source: name, ...learnerOf(entry.name), error: entry.error };
  else if (extension === '.zip') yield failure(name, 'ZIP_NESTED');
  else if (extension === '.csv') yield* readCsvStream(name, once(entry.bytes), options);
  else yield readTextFile(name, entry.bytes, options);
}

/** Reads a byte stream whole, or returns undefined once it passes `limit` bytes. */
async function readAll(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > limit) return undefined;
    parts.push(chunk);
  }
  return concatBytes(parts, length);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

function learnerOf(entryName: string): { learner?: string } {
  return entryName ? { learner: learnerFromPath(entryName) } : {};
}

function unsupported(name: string, extension: string): SubmissionItem {
  const expected = Object.keys(CODE_EXTENSIONS).join(', ');
  return failure(name, 'FILE_TYPE_UNSUPPORTED', { extension: extension || '(none)', expected });
}

function tooLarge(name: string, size: number, limit: number): SubmissionItem {
  return failure(name, 'FILE_TOO_LARGE', { size, limit });
}

function failure(name: string, code: Parameters<typeof inputError>[0], data: Record<string, unknown> = {}): SubmissionItem {
  return { ok: false, source: name, learner: learnerFromPath(name), error: inputError(code, data) };
}
