/**
 * The records of a ZIP archive (PKWARE's APPNOTE.TXT, the .ZIP File
 * Format Specification): the end of
 * central directory record (with its ZIP64 form), central directory
 * headers, local file headers and data descriptors, parsed from bytes.
 * Each parser returns undefined or a reason on bytes that do not hold the
 * record; none throws.
 */

export const LOCAL_SIGNATURE = 0x04034b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const END_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
export const DESCRIPTOR_SIGNATURE = 0x08074b50;

export const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
export const END_RECORD_BYTES = 22;
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_END_BYTES = 56;
/** The largest archive comment, so the end record lies in the last 22 + 65,535 bytes. */
export const MAX_COMMENT_BYTES = 0xffff;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;
const ZIP64_EXTRA_ID = 0x0001;
const MAX_32 = 0xffffffff;

/** The fields that the central directory or a local header records about one entry. */
export interface EntryRecord {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The offset of the local header; central directory records only. */
  offset: number;
  /** True when the sizes came from a ZIP64 extra field, so a data descriptor has 8-byte sizes. */
  zip64: boolean;
}

export interface EndRecord {
  /** The offset of the end record in the file. */
  at: number;
  entries: number;
  directoryOffset: number;
  directorySize: number;
  /** True when the comment length points past the end of the file. */
  commentCut: boolean;
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
export const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
/** Reads a little-endian 64-bit count; exact up to 2^53, which no file reaches. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/**
 * Finds the end of central directory record in `tail`, the last bytes of
 * a file whose first byte is at `tailStart`. The signature nearest the
 * end wins, and a false one (inside entry data) fails the later checks.
 */
export function findEndRecord(tail: Uint8Array, tailStart: number): EndRecord | undefined {
  for (let i = tail.length - END_RECORD_BYTES; i >= 0; i -= 1) {
    if (u32(tail, i) !== END_SIGNATURE) continue;
    return {
      at: tailStart + i,
      entries: u16(tail, i + 10),
      directorySize: u32(tail, i + 12),
      directoryOffset: u32(tail, i + 16),
      commentCut: i + END_RECORD_BYTES + u16(tail, i + 20) > tail.length,
    };
  }
  return undefined;
}

/** True when the end record's fields are ZIP64 placeholders, so the ZIP64 record contains the real ones. */
export function needsZip64(end: EndRecord): boolean {
  return end.entries === 0xffff || end.directoryOffset === MAX_32 || end.directorySize === MAX_32;
}

/** Returns where the ZIP64 end record starts, from the locator just before the end record. */
export function zip64EndOffset(locator: Uint8Array): number | undefined {
  if (locator.length < ZIP64_LOCATOR_BYTES || u32(locator, 0) !== ZIP64_LOCATOR_SIGNATURE) return undefined;
  return u64(locator, 8);
}

export const ZIP64_LOCATOR_SIZE = ZIP64_LOCATOR_BYTES;
export const ZIP64_END_SIZE = ZIP64_END_BYTES;

/** Reads the counts of a ZIP64 end record into `end`; returns false when `bytes` is not one. */
export function readZip64End(bytes: Uint8Array, end: EndRecord): boolean {
  if (bytes.length < ZIP64_END_BYTES || u32(bytes, 0) !== ZIP64_END_SIGNATURE) return false;
  end.entries = u64(bytes, 32);
  end.directorySize = u64(bytes, 40);
  end.directoryOffset = u64(bytes, 48);
  return true;
}

/**
 * Parses every central directory header in `directory`; returns a reason
 * when a header is cut or has the wrong signature.
 */
export function parseCentralDirectory(directory: Uint8Array, count: number): EntryRecord[] | string {
  const records: EntryRecord[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + CENTRAL_HEADER_BYTES > directory.length) return `the central directory ends before entry ${index + 1} of ${count}`;
    if (u32(directory, at) !== CENTRAL_SIGNATURE) return `central directory entry ${index + 1} has no header signature`;
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    const end = at + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    if (end > directory.length) return `central directory entry ${index + 1} is cut`;

    const nameStart = at + CENTRAL_HEADER_BYTES;
    const record: EntryRecord = {
      nameBytes: directory.subarray(nameStart, nameStart + nameLength),
      flags: u16(directory, at + 8),
      method: u16(directory, at + 10),
      crc: u32(directory, at + 16),
      compressedSize: u32(directory, at + 20),
      size: u32(directory, at + 24),
      offset: u32(directory, at + 42),
      zip64: false,
    };
    applyZip64Extra(record, directory.subarray(nameStart + nameLength, nameStart + nameLength + extraLength), true);
    records.push(record);
    at = end;
  }
  return records;
}

/** Returns the whole length of a local header (fixed part, name and extra field) from its first 30 bytes. */
export function localHeaderLength(header: Uint8Array): number | undefined {
  if (header.length < LOCAL_HEADER_BYTES || u32(header, 0) !== LOCAL_SIGNATURE) return undefined;
  return LOCAL_HEADER_BYTES + u16(header, 26) + u16(header, 28);
}

/** Parses a whole local header (fixed part, name and extra field). */
export function parseLocalHeader(header: Uint8Array): EntryRecord {
  const nameLength = u16(header, 26);
  const extraLength = u16(header, 28);
  const nameEnd = LOCAL_HEADER_BYTES + nameLength;
  const record: EntryRecord = {
    nameBytes: header.subarray(LOCAL_HEADER_BYTES, nameEnd),
    flags: u16(header, 6),
    method: u16(header, 8),
    crc: u32(header, 14),
    compressedSize: u32(header, 18),
    size: u32(header, 22),
    offset: 0,
    zip64: false,
  };
  applyZip64Extra(record, header.subarray(nameEnd, nameEnd + extraLength), false);
  return record;
}

/**
 * Replaces the 0xFFFFFFFF placeholders of `record` with the values of its
 * ZIP64 extended information field, which lists, in this order, only the
 * fields that are placeholders.
 */
function applyZip64Extra(record: EntryRecord, extra: Uint8Array, central: boolean): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16(extra, at);
    const length = u16(extra, at + 2);
    const data = extra.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    if (id !== ZIP64_EXTRA_ID) continue;

    let field = 0;
    const next = (): number | undefined => (field + 8 <= data.length ? u64(data, (field += 8) - 8) : undefined);
    // A local header's ZIP64 field contains both sizes whenever it is present.
    if (record.size === MAX_32 || !central) record.size = next() ?? record.size;
    if (record.compressedSize === MAX_32 || !central) record.compressedSize = next() ?? record.compressedSize;
    if (central && record.offset === MAX_32) record.offset = next() ?? record.offset;
    record.zip64 = true;
    return;
  }
}

/**
 * Parses the data descriptor at the start of `bytes`: an optional
 * signature, the CRC-32, and both sizes in 4 or, for ZIP64, 8 bytes.
 * Returns its length too, or undefined when `bytes` is too short.
 */
export function parseDescriptor(
  bytes: Uint8Array,
  zip64: boolean,
): { crc: number; compressedSize: number; size: number; length: number } | undefined {
  const start = bytes.length >= 4 && u32(bytes, 0) === DESCRIPTOR_SIGNATURE ? 4 : 0;
  const sizeBytes = zip64 ? 8 : 4;
  const length = start + 4 + 2 * sizeBytes;
  if (bytes.length < length) return undefined;
  const read = zip64 ? u64 : u32;
  return { crc: u32(bytes, start), compressedSize: read(bytes, start + 4), size: read(bytes, start + 4 + sizeBytes), length };
}
