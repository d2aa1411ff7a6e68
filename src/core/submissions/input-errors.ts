/**
 * Errors about instructor inputs (files, archive entries, CSV rows) and
 * flags on regraded rows, as data: a code and its details. The message is
 * rendered here from the two, so the instructor page, the CLI and every
 * output format say the same thing.
 */

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
  return `${n} bytes`;
}
const quoted = (value: unknown): string => JSON.stringify(String(value ?? ''));

const ERROR_MESSAGES = {
  FILE_TOO_LARGE: (d: Data) => `The file is ${bytes(d.size)}; files larger than ${bytes(d.limit)} are not read.`,
  FILE_TYPE_UNSUPPORTED: (d: Data) =>
    `Files ending in ${quoted(d.extension)} are not read; expected .json, .csv, .zip or a code file (${String(d.expected)}).`,
  FILE_NOT_UTF8: () => 'The file is not UTF-8 text.',
  FILE_UNREADABLE: (d: Data) => `The file could not be read: ${String(d.reason)}.`,
  JSON_INVALID: (d: Data) => `The file is not valid JSON: ${String(d.reason)}.`,
  JSON_TOO_DEEP: (d: Data) => `The JSON nests deeper than ${String(d.limit)} levels, which no submission does.`,
  SUBMISSION_INVALID: (d: Data) =>
    `The JSON is not a submission${d.path ? ` at ${String(d.path)}` : ''}: ${String(d.reason)}.`,
  SUBMISSION_EMPTY: () => 'The submission has neither "code" nor "steps".',
  EXPORT_INVALID: (d: Data) =>
    `The submission export is invalid${d.path ? ` at ${String(d.path)}` : ''}: ${String(d.reason)}.`,
  EXPORT_VERSION_UNKNOWN: (d: Data) =>
    `The export has format version ${String(d.version)}; this grader reads version ${String(d.expected)}.`,
  EXPORT_EXPECTED: () =>
    'The file is a submission but not a submission export, so it has no claim to verify; grade it with lab-check grade.',
  LAB_UNKNOWN: (d: Data) => `The submission names the unknown lab ${quoted(d.lab)}.`,
  LAB_NOT_DETECTED: () => "The code defines no known lab's variables; choose the lab to grade against.",
  LAB_MISMATCH: (d: Data) => `The submission is for the lab ${quoted(d.lab)}, not ${quoted(d.expected)}.`,
  CSV_NO_ID_COLUMN: (d: Data) => `The CSV header has no learner id column; expected one of ${String(d.expected)}.`,
  CSV_NO_CODE_COLUMN: (d: Data) =>
    `The CSV header has neither a "code" column nor a column per step id (${String(d.expected)}).`,
  CSV_QUOTE_UNCLOSED: (d: Data) => `Row on line ${String(d.line)} opens a quoted field that is never closed.`,
  CSV_QUOTE_STRAY: (d: Data) =>
    `Row on line ${String(d.line)} has a quote inside an unquoted field or after a closing quote${d.column ? ` at column ${String(d.column)}` : ''}.`,
  CSV_RECORD_TOO_LONG: (d: Data) => `Row on line ${String(d.line)} is longer than ${bytes(d.limit)}.`,
  CSV_FIELD_COUNT: (d: Data) =>
    `Row on line ${String(d.line)} has ${String(d.actual)} fields; the header has ${String(d.expected)}.`,
  CSV_ID_EMPTY: (d: Data) => `Row on line ${String(d.line)} has an empty learner id.`,
  ZIP_INVALID: (d: Data) => `The archive is not a valid ZIP file: ${String(d.reason)}.`,
  ZIP_ENTRY_INVALID: (d: Data) => `The archive entry could not be read: ${String(d.reason)}.`,
  ZIP_NESTED: () => 'Archives inside archives are not read; unpack the inner archive first.',
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
  DUPLICATE_LEARNER: (d: Data) => `The learner id ${quoted(d.learner)} also appears in ${String(d.first)}.`,
} satisfies Record<string, (data: Data) => string>;

export type RowFlagCode = keyof typeof FLAG_MESSAGES;

export function rowFlag(code: RowFlagCode, data: Data = {}): RowFlag {
  return { code, message: FLAG_MESSAGES[code](data), data };
}
