/**
 * A streaming ZIP reader built on fflate's `Unzip`: the archive is pushed
 * in chunks and each entry comes out whole, so memory contains one entry at
 * a time however large the archive is. Folders, dot files and macOS
 * `__MACOSX/` metadata are skipped.
 *
 * NOTE: fflate's streaming reader does not check CRC-32, so a corrupt
 * stored (uncompressed) entry whose length is right is read as it is.
 * Deflate errors and length mismatches are caught.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { inputError, type InputError } from './input-errors.ts';

export type ZipEntry = { name: string; bytes: Uint8Array } | { name: string; error: InputError };

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
/**
 * The largest piece pushed to fflate at once. fflate 0.8's Unzip.push
 * recurses once per entry it finds in a piece, so a 1 MB piece of small
 * entries (as a browser's File stream hands over) overflows the stack.
 */
const MAX_PUSH_BYTES = 16 * 1024;
const EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];

export class ZipReader {
  private readonly unzip = new Unzip();
  private ready: ZipEntry[] = [];
  private head = new Uint8Array(0);
  private checked = false;
  private failed = false;
  private entries = 0;

  constructor(private readonly maxEntryBytes: number) {
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (file) => this.open(file);
  }

  /** Pushes the next chunk of the archive; returns the entries it completed. */
  push(chunk: Uint8Array, final = false): ZipEntry[] {
    if (this.failed) return [];
    if (!this.checked && !this.checkSignature(chunk, final)) return this.take();

    try {
      for (let offset = 0; offset < chunk.length; offset += MAX_PUSH_BYTES) {
        const end = Math.min(chunk.length, offset + MAX_PUSH_BYTES);
        this.unzip.push(chunk.subarray(offset, end), final && end === chunk.length);
      }
      if (chunk.length === 0) this.unzip.push(chunk, final);
    } catch (error) {
      this.fail((error as Error).message || 'invalid data');
    }
    if (final && !this.failed && this.entries === 0 && this.head.length > 0 && !startsWith(this.head, EMPTY_ARCHIVE)) {
      this.fail('no entries found');
    }
    return this.take();
  }

  private take(): ZipEntry[] {
    const entries = this.ready;
    this.ready = [];
    return entries;
  }

  /** Rejects bytes that do not start like a ZIP archive before fflate parses them. */
  private checkSignature(chunk: Uint8Array, final: boolean): boolean {
    const head = new Uint8Array(this.head.length + chunk.length);
    head.set(this.head);
    head.set(chunk, this.head.length);
    this.head = head.subarray(0, 4);
    if (head.length < 4 && !final) return true;

    this.checked = true;
    if (head.length === 0 && final) {
      this.fail('the file is empty');
      return false;
    }
    if (head.length === 0) return true;
    if (!startsWith(head, LOCAL_HEADER) && !startsWith(head, EMPTY_ARCHIVE)) {
      this.fail('it does not start with a ZIP signature');
      return false;
    }
    return true;
  }

  private fail(reason: string): void {
    this.failed = true;
    this.ready.push({ name: '', error: inputError('ZIP_INVALID', { reason }) });
  }

  private open(file: UnzipFile): void {
    this.entries += 1;
    const name = file.name;
    if (name.endsWith('/') || isSkipped(name)) return;
    if (file.originalSize !== undefined && file.originalSize > this.maxEntryBytes) {
      this.ready.push({ name, error: inputError('FILE_TOO_LARGE', { size: file.originalSize, limit: this.maxEntryBytes }) });
      return;
    }

    const parts: Uint8Array[] = [];
    let length = 0;
    file.ondata = (error, data, final) => {
      if (error) {
        this.ready.push({ name, error: inputError('ZIP_ENTRY_INVALID', { reason: error.message }) });
        return;
      }
      length += data.length;
      if (length > this.maxEntryBytes) {
        file.terminate();
        this.ready.push({ name, error: inputError('FILE_TOO_LARGE', { size: length, limit: this.maxEntryBytes }) });
        return;
      }
      parts.push(data);
      if (final) this.finish(file, parts, length);
    };
    try {
      file.start();
    } catch (error) {
      this.ready.push({ name, error: inputError('ZIP_ENTRY_INVALID', { reason: (error as Error).message }) });
    }
  }

  private finish(file: UnzipFile, parts: Uint8Array[], length: number): void {
    if (file.originalSize !== undefined && file.originalSize !== length) {
      const reason = `it holds ${length} bytes where the archive records ${file.originalSize}`;
      this.ready.push({ name: file.name, error: inputError('ZIP_ENTRY_INVALID', { reason }) });
      return;
    }
    this.ready.push({ name: file.name, bytes: concatBytes(parts, length) });
  }
}

function isSkipped(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return name.startsWith('__MACOSX/') || base.startsWith('.');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Joins byte chunks whose lengths add up to `length`. */
export function concatBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
