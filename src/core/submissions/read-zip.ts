/**
 * Reads the entries of a ZIP archive one at a time, from a file that can
 * be read at any offset, so that memory contains one entry at a time
 * however large the archive is.
 *
 * A whole archive is read from its central directory, the authoritative
 * list of entries: each entry's local header must agree with it, its data
 * must not overlap another entry's, and its bytes must match the recorded
 * sizes and CRC-32. An archive without an end record (a cut file) is read
 * by walking its local headers from the start, keeping every entry read
 * whole and reporting ZIP_TRUNCATED with the entry that was cut.
 * Folders, dot files and macOS `__MACOSX/` metadata are skipped.
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32.ts';
import { countText } from './count-text.ts';
import { inputError, type InputError, type InputErrorCode } from './input-errors.ts';
import { visibleText } from './visible-text.ts';
import { decodeEntryName, unsafeNameReason } from './zip-names.ts';
import {
  CENTRAL_SIGNATURE,
  DESCRIPTOR_SIGNATURE,
  END_RECORD_BYTES,
  END_SIGNATURE,
  FLAG_DESCRIPTOR,
  FLAG_ENCRYPTED,
  LOCAL_HEADER_BYTES,
  LOCAL_SIGNATURE,
  MAX_COMMENT_BYTES,
  ZIP64_END_SIZE,
  ZIP64_LOCATOR_SIZE,
  findEndRecord,
  localHeaderLength,
  needsZip64,
  parseCentralDirectory,
  parseDescriptor,
  parseLocalHeader,
  readZip64End,
  u32,
  zip64EndOffset,
  type EndRecord,
  type EntryRecord,
} from './zip-records.ts';

/** A file that can be read at any offset; `read` may return fewer bytes at the end of the file. */
export interface ByteSource {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export interface ZipLimits {
  /** The largest uncompressed entry read. */
  maxEntryBytes: number;
  /** The most uncompressed bytes read from one archive, over all its entries. */
  maxTotalBytes?: number;
  /** The maximum number of entries read from one archive. */
  maxEntries?: number;
  /** True for entry names that the caller ignores; their bytes are not read. */
  skip?(name: string): boolean;
}

/** An entry read whole, or an error; `name` is '' for an error about the whole archive. */
export type ZipEntry = { name: string; bytes: Uint8Array } | { name: string; error: InputError };

/** The default bound on the uncompressed bytes of one archive: far above a class's code, far below a ZIP bomb's. */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;
export const MAX_ARCHIVE_ENTRIES = 100_000;
/** The largest central directory read: room for 100,000 entries with 600-byte names. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

const LOCAL_SIGNATURE_BYTES = [0x50, 0x4b, 0x03, 0x04];
/** The maximum length of a data descriptor: signature, CRC-32 and two 8-byte ZIP64 sizes. */
const DESCRIPTOR_MAX_BYTES = 24;
/**
 * How much of a cut archive is searched at a time for the data descriptor
 * that ends an entry. It is half the read window, so that each search
 * block is read through the window.
 */
const SCAN_BLOCK_BYTES = 32 * 1024;

const METHOD_NAMES: Readonly<Record<number, string>> = {
  1: 'Shrink', 6: 'Implode', 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd', 99: 'AES encryption',
};

/** Reads every entry of the archive in `source`; throws only when `source.read` throws. */
export async function* readZipEntries(source: ByteSource, limits: ZipLimits): AsyncGenerator<ZipEntry> {
  const file = new BufferedSource(source);
  const head = await file.bytes(0, 4);
  if (head.length === 0) {
    yield archiveError('ZIP_INVALID', { reason: 'the file is empty' });
    return;
  }
  if (head.length < 4 && head.every((byte, i) => byte === LOCAL_SIGNATURE_BYTES[i])) {
    yield archiveError('ZIP_TRUNCATED', { part: 'header', at: source.size, read: 0, after: '' });
    return;
  }
  const signature = head.length === 4 ? u32(head, 0) : 0;
  if (signature !== LOCAL_SIGNATURE && signature !== END_SIGNATURE) {
    yield archiveError('ZIP_INVALID', { reason: 'it does not start with a ZIP signature' });
    return;
  }

  const reader = new EntryReader(file, limits);
  const directory = await readDirectory(file, reader.maxEntries);
  if (directory.kind === 'whole') {
    if (directory.entries > reader.maxEntries) yield reader.tooManyEntries();
    yield* reader.fromDirectory(directory.records, directory.end.directoryOffset);
    if (directory.end.commentCut) yield archiveError('ZIP_TRUNCATED', { part: 'comment', at: source.size });
    return;
  }
  if (directory.kind === 'damaged') yield archiveError('ZIP_INVALID', { reason: directory.reason });
  yield* reader.walkLocalHeaders(directory.kind === 'cut');
}

type Directory =
  | { kind: 'whole'; end: EndRecord; records: EntryRecord[]; entries: number }
  | { kind: 'cut' }
  | { kind: 'damaged'; reason: string };

/** Finds and parses the central directory; a file with no end record is taken as cut. */
async function readDirectory(file: BufferedSource, maxEntries: number): Promise<Directory> {
  const tailStart = Math.max(0, file.size - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  const end = findEndRecord(await file.bytes(tailStart, file.size), tailStart);
  if (!end) return { kind: 'cut' };
  if (needsZip64(end)) {
    const at = zip64EndOffset(await file.bytes(end.at - ZIP64_LOCATOR_SIZE, end.at));
    if (at === undefined || !readZip64End(await file.bytes(at, at + ZIP64_END_SIZE), end)) {
      return { kind: 'damaged', reason: 'its ZIP64 end of central directory record is missing' };
    }
  }

  const directoryEnd = end.directoryOffset + end.directorySize;
  if (directoryEnd > end.at) {
    return { kind: 'damaged', reason: `its central directory is recorded to end at byte ${directoryEnd}, after its end record` };
  }
  if (end.directorySize > MAX_DIRECTORY_BYTES) {
    return { kind: 'damaged', reason: `its central directory is ${end.directorySize} bytes, more than any class archive needs` };
  }
  const bytes = await file.bytes(end.directoryOffset, directoryEnd);
  const records = parseCentralDirectory(bytes, Math.min(end.entries, maxEntries));
  if (typeof records === 'string') return { kind: 'damaged', reason: records };
  return { kind: 'whole', end, records, entries: end.entries };
}

class EntryReader {
  readonly maxEntries: number;
  private readonly maxTotalBytes: number;
  private totalBytes = 0;
  private entriesRead = 0;
  private lastName: string | undefined;
  private stopped = false;
  private readonly names = new Set<string>();

  constructor(
    private readonly file: BufferedSource,
    private readonly limits: ZipLimits,
  ) {
    this.maxEntries = limits.maxEntries ?? MAX_ARCHIVE_ENTRIES;
    this.maxTotalBytes = limits.maxTotalBytes ?? MAX_ARCHIVE_BYTES;
  }

  tooManyEntries(): ZipEntry {
    return archiveError('ZIP_TOO_LARGE', { entries: this.maxEntries });
  }

  /** Reads the entries that the central directory lists, in the order of their data in the file. */
  async *fromDirectory(records: EntryRecord[], directoryOffset: number): AsyncGenerator<ZipEntry> {
    const sorted = [...records].sort((a, b) => a.offset - b.offset);
    const limits = dataLimits(sorted, directoryOffset);
    // The entry whose data ends last among those read so far, which the next entry must start after.
    let furthest: { end: number; name: string } | undefined;
    for (const [index, record] of sorted.entries()) {
      if (this.stopped) return;
      const name = decodeEntryName(record.nameBytes, record.flags);
      const limit = limits[index] ?? directoryOffset;
      const located = await this.locate(record, name, limit, furthest);
      if ('dataEnd' in located && located.dataEnd > (furthest?.end ?? 0)) furthest = { end: located.dataEnd, name: name ?? '' };
      const entry = await this.entry(name, record, located);
      if (entry) yield entry;
    }
  }

  /** Finds an entry's data from its local header, checking the header against the central directory. */
  private async locate(
    record: EntryRecord,
    name: string | undefined,
    limit: number,
    furthest: { end: number; name: string } | undefined,
  ): Promise<{ dataStart: number; dataEnd: number } | { problem: string }> {
    if (furthest && record.offset < furthest.end) {
      return { problem: `its data starts inside the entry ${JSON.stringify(visibleText(furthest.name))}` };
    }
    const length = localHeaderLength(await this.file.bytes(record.offset, record.offset + LOCAL_HEADER_BYTES));
    if (length === undefined) return { problem: `there is no local header at byte ${record.offset}` };
    const header = await this.file.bytes(record.offset, record.offset + length);
    if (header.length < length) return { problem: `its local header at byte ${record.offset} is cut` };

    const dataStart = record.offset + length;
    const dataEnd = dataStart + record.compressedSize;
    const disagreement = compareLocalHeader(parseLocalHeader(header), record, name);
    if (disagreement) return { problem: disagreement };
    if (dataEnd > limit) return { problem: 'its data runs into the next entry or the central directory' };
    if (record.flags & FLAG_DESCRIPTOR) {
      const local = parseLocalHeader(header);
      const descriptor = parseDescriptor(await this.file.bytes(dataEnd, dataEnd + DESCRIPTOR_MAX_BYTES), local.zip64);
      if (!descriptor || descriptor.crc !== record.crc || descriptor.compressedSize !== record.compressedSize || descriptor.size !== record.size) {
        return { problem: 'its data descriptor disagrees with the central directory' };
      }
    }
    return { dataStart, dataEnd };
  }

  /** Reads a cut or damaged archive by following its local headers from the first byte. */
  async *walkLocalHeaders(cut: boolean): AsyncGenerator<ZipEntry> {
    let offset = 0;
    while (!this.stopped) {
      if (this.entriesRead >= this.maxEntries) {
        yield this.tooManyEntries();
        return;
      }
      const head = await this.file.bytes(offset, offset + LOCAL_HEADER_BYTES);
      const signature = head.length >= 4 ? u32(head, 0) : undefined;
      if (signature === undefined || signature === CENTRAL_SIGNATURE || signature === END_SIGNATURE) {
        if (cut) yield this.truncated('directory', undefined);
        return;
      }
      if (signature !== LOCAL_SIGNATURE) {
        // An archive whose central directory is damaged was reported already; this is where its entries end.
        if (!cut) return;
        yield archiveError('ZIP_INVALID', { reason: `there is no entry header at byte ${offset}, after the entry ${quotedName(this.lastName)}` });
        return;
      }
      const length = localHeaderLength(head);
      const header = length === undefined ? head : await this.file.bytes(offset, offset + length);
      if (length === undefined || header.length < length) {
        yield this.truncated('header', undefined);
        return;
      }

      const record = parseLocalHeader(header);
      const name = decodeEntryName(record.nameBytes, record.flags);
      const dataStart = offset + length;
      let descriptorLength = 0;
      if (record.flags & FLAG_DESCRIPTOR) {
        const found = await this.findDescriptor(dataStart, record.zip64);
        if (found === 'cut') {
          yield this.truncated('entry', name);
          return;
        }
        if (found === 'not-found') {
          const reason = `the end of the entry ${quotedName(name)} was not found, so the entries after it were not read`;
          yield archiveError('ZIP_INVALID', { reason });
          return;
        }
        Object.assign(record, { crc: found.crc, compressedSize: found.compressedSize, size: found.size });
        descriptorLength = found.length;
      } else if (dataStart + record.compressedSize > this.file.size) {
        yield this.truncated('entry', name);
        return;
      }
      const entry = await this.entry(name, record, { dataStart });
      if (entry) yield entry;
      offset = dataStart + record.compressedSize + descriptorLength;
    }
  }

  /**
   * Finds the data descriptor after an entry of unknown length: the first
   * descriptor signature whose recorded compressed size is its distance
   * from the data's start.
   *
   * NOTE: a descriptor written without its optional signature is not
   * found, so in a cut archive such an entry ends the walk.
   */
  private async findDescriptor(
    dataStart: number,
    zip64: boolean,
  ): Promise<NonNullable<ReturnType<typeof parseDescriptor>> | 'cut' | 'not-found'> {
    const end = Math.min(this.file.size, dataStart + deflateBound(this.limits.maxEntryBytes) + DESCRIPTOR_MAX_BYTES);
    // Blocks overlap by a descriptor's length, so one that straddles two blocks is read whole.
    for (let block = dataStart; block < end; block += SCAN_BLOCK_BYTES) {
      const window = await this.file.bytes(block, Math.min(end, block + SCAN_BLOCK_BYTES + DESCRIPTOR_MAX_BYTES));
      for (let at = 0; at < SCAN_BLOCK_BYTES && at + 4 <= window.length; at += 1) {
        if (window[at] !== 0x50 || u32(window, at) !== DESCRIPTOR_SIGNATURE) continue;
        const descriptor = parseDescriptor(window.subarray(at), zip64);
        if (descriptor && descriptor.compressedSize === block + at - dataStart) return descriptor;
      }
    }
    return end >= this.file.size ? 'cut' : 'not-found';
  }

  /** Checks, reads and verifies one entry; returns undefined for an entry that is skipped. */
  private async entry(
    name: string | undefined,
    record: EntryRecord,
    located: { dataStart: number } | { problem: string },
  ): Promise<ZipEntry | undefined> {
    this.entriesRead += 1;
    if (name === undefined) return entryError('?', 'ZIP_ENTRY_NAME_INVALID', { reason: 'it is marked UTF-8 but is not valid UTF-8' });
    this.lastName = name;
    if (name.endsWith('/') || isSkipped(name) || this.limits.skip?.(name)) return undefined;

    const unsafe = unsafeNameReason(name);
    if (unsafe) return entryError(visibleText(name), 'ZIP_ENTRY_NAME_INVALID', { name, reason: unsafe });
    if (this.names.has(name)) return entryError(name, 'ZIP_ENTRY_DUPLICATE', { name });
    this.names.add(name);
    if ('problem' in located) return entryError(name, 'ZIP_ENTRY_CORRUPT', { reason: located.problem });

    if (record.flags & FLAG_ENCRYPTED) return entryError(name, 'ZIP_ENTRY_ENCRYPTED');
    if (record.method !== 0 && record.method !== 8) {
      return entryError(name, 'ZIP_ENTRY_METHOD_UNSUPPORTED', { method: record.method, methodName: METHOD_NAMES[record.method] ?? 'unknown' });
    }
    if (record.size > this.limits.maxEntryBytes) {
      return entryError(name, 'FILE_TOO_LARGE', { size: record.size, limit: this.limits.maxEntryBytes });
    }
    if (this.totalBytes + record.size > this.maxTotalBytes) {
      this.stopped = true;
      return archiveError('ZIP_TOO_LARGE', { bytes: this.maxTotalBytes, entry: name });
    }
    const bytes = await this.readData(record, located.dataStart);
    if (typeof bytes === 'string') return entryError(name, 'ZIP_ENTRY_CORRUPT', { reason: bytes });
    this.totalBytes += record.size;
    return { name, bytes };
  }

  /** Reads and inflates an entry's data; returns a reason when it does not match its sizes and CRC-32. */
  private async readData(record: EntryRecord, dataStart: number): Promise<Uint8Array | string> {
    const { method, size, compressedSize } = record;
    if (method === 0 && compressedSize !== size) return `it is stored with ${countText(compressedSize, 'byte')} but records ${size}`;
    if (method === 8 && compressedSize > deflateBound(size)) {
      return `its ${countText(compressedSize, 'compressed byte')} are more than Deflate makes of ${countText(size, 'byte')}`;
    }
    const compressed = await this.file.bytes(dataStart, dataStart + compressedSize);
    if (compressed.length < compressedSize) return 'its data is cut';

    const bytes = method === 0 ? compressed : inflateExactly(compressed, size);
    if (typeof bytes === 'string') return bytes;
    const crc = crc32(bytes);
    if (crc !== record.crc) return `its CRC-32 is ${hex(crc)} where the archive records ${hex(record.crc)}`;
    return bytes;
  }

  private truncated(part: 'entry' | 'header' | 'directory', name: string | undefined): ZipEntry {
    const data = { part, at: this.file.size, read: this.entriesRead, after: this.lastName ?? '' };
    if (part === 'entry' && name !== undefined) return entryError(visibleText(name), 'ZIP_TRUNCATED', { ...data, entry: name });
    return archiveError('ZIP_TRUNCATED', data);
  }
}

/**
 * Returns, for each record sorted by offset, where its data must end: the
 * next greater offset, or the central directory. Records that share an
 * offset get the same limit, so the overlap is reported on the later one.
 */
function dataLimits(sorted: readonly EntryRecord[], directoryOffset: number): number[] {
  const limits = new Array<number>(sorted.length);
  let limit = directoryOffset;
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    limits[i] = limit;
    const offset = sorted[i]!.offset;
    if (i === 0 || sorted[i - 1]!.offset < offset) limit = offset;
  }
  return limits;
}

/** Returns how a local header disagrees with the central directory record of the same entry, if it does. */
function compareLocalHeader(local: EntryRecord, central: EntryRecord, name: string | undefined): string | undefined {
  if (!sameBytes(local.nameBytes, central.nameBytes)) {
    const localName = decodeEntryName(local.nameBytes, local.flags) ?? '?';
    return `its local header names ${JSON.stringify(visibleText(localName))}, not ${JSON.stringify(visibleText(name ?? '?'))}`;
  }
  if (local.method !== central.method) return `its local header records compression method ${local.method}, not ${central.method}`;
  if ((local.flags ^ central.flags) & (FLAG_ENCRYPTED | FLAG_DESCRIPTOR)) return 'its local header and the central directory disagree on its flags';
  if (central.flags & FLAG_DESCRIPTOR) return undefined;
  if (local.crc !== central.crc || local.size !== central.size || local.compressedSize !== central.compressedSize) {
    return 'its local header and the central directory record different sizes or CRC-32';
  }
  return undefined;
}

/**
 * Returns an upper bound on the Deflate data of `size` bytes: 5 bytes per
 * 16 KiB block plus slack, about zlib's compressBound. Common encoders
 * fall back to stored blocks rather than exceed it.
 */
function deflateBound(size: number): number {
  return size + 5 * Math.ceil(size / 16_383) + 64;
}

/** Inflates `data`, stopping as soon as the output passes `size` bytes, so a ZIP bomb costs no more than `size`. */
function inflateExactly(data: Uint8Array, size: number): Uint8Array | string {
  const out = new Uint8Array(size);
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > size) over = true;
    else out.set(chunk, length);
    length += chunk.length;
  });
  const step = 1024;
  try {
    for (let at = 0; at < data.length && !over; at += step) inflater.push(data.subarray(at, at + step), at + step >= data.length);
  } catch (error) {
    return `its Deflate data is invalid (${(error as Error).message || 'invalid data'})`;
  }
  if (over) return `it inflates to more than the ${countText(size, 'byte')} the archive records`;
  if (length !== size) return `it inflates to ${countText(length, 'byte')} where the archive records ${size}`;
  return out;
}

/** Reads a `ByteSource` through a 64 KiB window, so that the headers and small entries of an archive cost few reads. */
class BufferedSource {
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly blockBytes = 64 * 1024,
  ) {}

  get size(): number {
    return this.source.size;
  }

  /** Returns bytes `start` to `end`, fewer when the file ends first. */
  async bytes(start: number, end: number): Promise<Uint8Array> {
    const from = Math.max(0, start);
    const to = Math.min(end, this.source.size);
    if (to <= from) return new Uint8Array(0);
    const windowEnd = this.windowStart + this.window.length;
    if (from >= this.windowStart && to <= windowEnd) return this.window.subarray(from - this.windowStart, to - this.windowStart);
    if (to - from > this.blockBytes) return this.source.read(from, to);

    this.window = await this.source.read(from, Math.min(this.source.size, from + this.blockBytes));
    this.windowStart = from;
    return this.window.subarray(0, Math.min(this.window.length, to - from));
  }
}

function isSkipped(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return name.startsWith('__MACOSX/') || base.startsWith('.');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

const hex = (value: number): string => value.toString(16).padStart(8, '0');
const quotedName = (name: string | undefined): string => (name === undefined ? '(none)' : JSON.stringify(visibleText(name)));

function archiveError(code: InputErrorCode, data: Record<string, unknown>): ZipEntry {
  return { name: '', error: inputError(code, data) };
}

function entryError(name: string, code: InputErrorCode, data: Record<string, unknown> = {}): ZipEntry {
  return { name, error: inputError(code, data) };
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
