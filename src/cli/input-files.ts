/**
 * Node adapters for the core's instructor-input readers: a file on disk as
 * an `InputFile`, streamed in 64 KiB chunks or read by range, so that CSV
 * files and ZIP archives of any size are read with flat memory.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { LABS } from '../core/engine/index.ts';
import { readInputFile, type InputFile, type SubmissionItem } from '../core/submissions/index.ts';
import { inputError } from '../core/submissions/input-errors.ts';

const CHUNK_BYTES = 64 * 1024;

/** Extensions of files that contain many submissions and are read by the core's streaming readers. */
export const BATCH_EXTENSIONS: ReadonlySet<string> = new Set(['.csv', '.zip']);

/** Reads every submission in one file; `name` is the path shown in results. Never throws. */
export async function* readSubmissionItems(path: string, name: string): AsyncGenerator<SubmissionItem> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      yield { ok: false, source: name, error: inputError('FILE_UNREADABLE', { reason: 'not a regular file' }) };
      return;
    }
    size = info.size;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error);
    yield { ok: false, source: name, error: inputError('FILE_UNREADABLE', { reason }) };
    return;
  }
  const file: InputFile = {
    name,
    size,
    chunks: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Uint8Array>,
    read: (start, end) => readRange(path, start, end),
  };
  yield* readInputFile(file, { labs: LABS });
}

/** Reads bytes `start` to `end` of a file, fewer when it ends first. */
async function readRange(path: string, start: number, end: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(Math.max(0, end - start));
  const handle = await open(path, 'r');
  try {
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
