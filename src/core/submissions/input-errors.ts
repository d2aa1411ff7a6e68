/**
 * Errors about instructor inputs (files, archive entries, CSV rows) and
 * flags on regraded rows, as data: a code and its details. The message is
 * rendered here from the two, so the instructor page, the CLI and every
 * output format say the same thing.
 */
import { countText } from './count-text.ts';
import { visibleText } from './visible-text.ts';

type Data = Record<string, unknown>;

export interface InputError {
  code: InputErrorCode;
  message: string;
  data: Data;
}

function bytes(value: unknown): string {
  const n = Number(value);
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return countText(n, 'byte');
}
/** Quotes a value for a message, with characters that could hide or reorder the text shown escaped. */
const quoted = (value: unknown): string => visibleText(JSON.stringify(String(value ?? '')));

function truncatedMessage(d: Data): string {
  const start = `The archive is cut short: it ends after ${bytes(d.at)}`;
  const count = Number(d.read);
  const read = `${countText(count, 'entry', 'entries')} before it ${count === 1 ? 'was' : 'were'} read`;
  switch (d.part) {
    case 'entry':
      return `${start}, inside the entry ${quoted(d.entry)}, so that entry and any after it are missing; ${read}.`;
    case 'header':
      return `${start}, inside the header of the entry after ${d.after ? quoted(d.after) : 'the start'}; ${read}.`;
    case 'comment':
      return 'The archive is cut short inside its closing comment; every entry was read.';
    default:
      return `${start}, before the end of its central directory (the list of its entries), so any entries after the last one read are missing; ${read}.`;
  }
}

const ERROR_MESSAGES = {
  FILE_TOO_LARGE: (d: Data) => `The file is ${bytes(d.size)}; files larger than ${bytes(d.limit)} are not read.`,
  FILE_TYPE_UNSUPPORTED: (d: Data) =>
    `Files ending in ${quoted(d.extension)} are not read; expected .json, .csv, .zip or a code file (${String(d.expected)}).`,
  FILE_NOT_UTF8: () => 'The file is not UTF-8 text.',
  FILE_UNREADABLE: (d: Data) => `The file could not be read: ${String(d.reason)}.`,
  FILE_SKIPPED: (d: Data) => `The file was not graded because ${String(d.reason)}.`,
  JSON_INVALID: (d: Data) => `The file is not valid JSON: ${String(d.reason)}.`,
  JSON_TOO_DEEP: (d: Data) => `The JSON nests deeper than ${countText(Number(d.limit), 'level')}, which no submission does.`,
  SUBMISSION_INVALID: (d: Data) => `The JSON is not a submission: ${String(d.reason)}.`,
  SUBMISSION_EMPTY: () => 'The submission has neither "code" nor "steps".',
  EXPORT_INVALID: (d: Data) => `The submission export is invalid: ${String(d.reason)}.`,
  EXPORT_VERSION_UNKNOWN: (d: Data) =>
    `The export has format version ${String(d.version)}; this grader reads version ${String(d.expected)}.`,
  EXPORT_EXPECTED: () =>
    'The file is a submission but not a submission export, so it has no claim to verify; grade it with lab-check grade.',
  LAB_UNKNOWN: (d: Data) =>
    `The submission names the unknown lab ${quoted(d.lab)}${d.expected ? `; expected one of ${String(d.expected)}` : ''}.`,
  LAB_NOT_DETECTED: () => "The code defines no known lab's variables; choose the lab to grade against.",
  LAB_MISMATCH: (d: Data) => `The submission is for the lab ${quoted(d.lab)}, not ${quoted(d.expected)}.`,
  CSV_NO_ID_COLUMN: (d: Data) => `The CSV header has no learner id column; expected one of ${String(d.expected)}.`,
  CSV_NO_CODE_COLUMN: (d: Data) =>
    `The CSV header has neither a "code" column nor a column per step id (${String(d.expected)}).`,
  CSV_HEADER_DUPLICATE: (d: Data) =>
    d.meaning === undefined
      ? `The CSV header names ${quoted(d.header)} in columns ${String(d.first)} and ${String(d.second)}; each column name must appear once, so rename or remove one.`
      : `The CSV header has columns ${String(d.first)} (${quoted(d.header)}) and ${String(d.second)} (${quoted(d.other)}) for the same ${String(d.meaning)}; keep one of them.`,
  CSV_NO_ROWS: (d: Data) =>
    d.header ? 'The CSV file has a header but no rows.' : 'The CSV file is empty; expected a header row and one row per learner.',
  CSV_LANGUAGE_INVALID: (d: Data) =>
    `Row on line ${String(d.line)} has the language ${quoted(d.value)} in column ${String(d.column)}; expected ${String(d.expected)}, or an empty cell to detect it.`,
  CSV_QUOTE_UNCLOSED: (d: Data) =>
    d.lastLine === undefined
      ? `Row on line ${String(d.line)} opens a quoted field that is never closed.`
      : `Row on line ${String(d.line)} opens a quoted field that is never closed, so the rest of the file is that one field: lines ${String(d.line)} to ${String(d.lastLine)} were not graded.`,
  CSV_QUOTE_STRAY: (d: Data) =>
    d.lastLine === undefined
      ? `Row on line ${String(d.line)} has a quote inside an unquoted field or after a closing quote${d.column ? ` at column ${String(d.column)}` : ''}.`
      : `Row on line ${String(d.line)} has a quote inside an unquoted field or after a closing quote on line ${String(d.lastLine)}, so lines ${String(d.line)} to ${String(d.lastLine)} are one broken row and were not graded.`,
  CSV_RECORD_TOO_LONG: (d: Data) =>
    `Row on line ${String(d.line)} is longer than ${bytes(d.limit)}${d.lastLine === undefined ? '' : `, so lines ${String(d.line)} to ${String(d.lastLine)} were not graded`}.`,
  CSV_FIELD_COUNT: (d: Data) =>
    `Row on line ${String(d.line)} has ${countText(Number(d.actual), 'field')}; the header has ${String(d.expected)}.`,
  CSV_ID_EMPTY: (d: Data) => `Row on line ${String(d.line)} has an empty learner id.`,
  ZIP_INVALID: (d: Data) => `The archive is not a valid ZIP file: ${String(d.reason)}.`,
  ZIP_TRUNCATED: (d: Data) => truncatedMessage(d),
  ZIP_TOO_LARGE: (d: Data) =>
    d.entries === undefined
      ? `The archive's entries add up to more than ${bytes(d.bytes)} uncompressed, so reading stopped at the entry ${quoted(d.entry)}; split the archive.`
      : `The archive has more than ${countText(Number(d.entries), 'entry', 'entries')}; only the first ${Number(d.entries) === 1 ? 'was' : `${String(d.entries)} were`} read.`,
  ZIP_ENTRY_CORRUPT: (d: Data) => `The archive entry is damaged and was not read: ${String(d.reason)}.`,
  ZIP_ENTRY_ENCRYPTED: () => 'The archive entry is encrypted, so it cannot be read; make the archive without a password.',
  ZIP_ENTRY_METHOD_UNSUPPORTED: (d: Data) =>
    `The archive entry is compressed with method ${String(d.method)} (${String(d.methodName)}); expected Deflate or no compression, as every ZIP tool writes by default.`,
  ZIP_ENTRY_NAME_INVALID: (d: Data) =>
    `The archive entry name${d.name === undefined ? '' : ` ${quoted(d.name)}`} was not read because ${String(d.reason)}; expected a relative path such as "alice/solution.py".`,
  ZIP_ENTRY_DUPLICATE: (d: Data) =>
    `The archive has another entry named ${quoted(d.name)} before this one; only the first was read.`,
  ZIP_NESTED: () => 'Archives inside archives are not read; unpack the inner archive first.',
  ZIP_NO_SUBMISSIONS: () =>
    'The archive has no submission files; expected entries ending in .json, .csv or a code file extension.',
} satisfies Record<string, (data: Data) => string>;

export type InputErrorCode = keyof typeof ERROR_MESSAGES;

export function inputError(code: InputErrorCode, data: Data = {}): InputError {
  return { code, message: ERROR_MESSAGES[code](data), data };
}

/** A difference between a claimed report and the regrade, by JSON path. */
export interface ReportDifference {
  path: string;
  claimed: unknown;
  regraded: unknown;
}

export interface RowFlag {
  code: RowFlagCode;
  message: string;
  data: Data;
}

const describeDifferences = (differences: unknown): string => {
  const list = Array.isArray(differences) ? (differences as ReportDifference[]) : [];
  const shown = list
    .slice(0, 3)
    .map((d) => `${d.path} claimed ${JSON.stringify(d.claimed)}, regraded ${JSON.stringify(d.regraded)}`);
  return `${shown.join('; ')}${list.length > 3 ? `; and ${list.length - 3} more` : ''}`;
};

const FLAG_MESSAGES = {
  CLAIM_MISMATCH: (d: Data) => `The claimed report differs from the regrade: ${describeDifferences(d.differences)}.`,
  DIGEST_MISMATCH: () => 'The digest does not match the content: the file was changed after export.',
  GRADER_VERSION: (d: Data) => `The claim was graded by ${String(d.claimed)}; the regrade used ${String(d.current)}.`,
  LAB_VERSION: (d: Data) =>
    `The claim was graded against lab version ${String(d.claimed)}; the regrade used ${String(d.current)}.`,
  DUPLICATE_LEARNER: (d: Data) => `The learner id ${quoted(d.learner)} also appears in row ${String(d.firstRow)} of this batch.`,
} satisfies Record<string, (data: Data) => string>;

export type RowFlagCode = keyof typeof FLAG_MESSAGES;

export function rowFlag(code: RowFlagCode, data: Data = {}): RowFlag {
  return { code, message: FLAG_MESSAGES[code](data), data };
}
