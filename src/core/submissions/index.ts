export { canonicalJson } from './canonical-json.ts';
export { DIGEST_ALGORITHM, digestOf, sha256Hex } from './digest.ts';
export {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  submissionExportSchema,
  type ExportAnswers,
  type SubmissionExport,
} from './export-format.ts';
export {
  buildSubmissionExport,
  exportDigest,
  exportFileName,
  exportToInput,
  hasValidDigest,
  type ExportRequest,
} from './build-export.ts';
export { inputError, rowFlag, type InputError, type InputErrorCode, type ReportDifference, type RowFlag, type RowFlagCode } from './input-errors.ts';
export { extensionOf, learnerFromPath, type SubmissionItem } from './items.ts';
export { CsvParser, parseCsv, MAX_RECORD_CHARS, type CsvItem } from './csv-parse.ts';
export { CsvSubmissionReader, ID_COLUMNS } from './read-csv.ts';
export { readJsonSubmission } from './read-json.ts';
export { MAX_ARCHIVE_BYTES, MAX_ARCHIVE_ENTRIES, readZipEntries, type ByteSource, type ZipEntry, type ZipLimits } from './read-zip.ts';
export { jsonText, visibleText } from './visible-text.ts';
export { CODE_EXTENSIONS, MAX_FILE_BYTES, isReadableName, readInputFile, readTextFile, type InputFile, type ReadOptions } from './read-files.ts';
export { compareReports } from './compare-reports.ts';
export {
  BatchRegrader,
  completeRow,
  gradeJob,
  regradeAll,
  type GradeJob,
  type GradeResult,
  type RegradeOptions,
  type RegradeRow,
} from './regrade.ts';
export { findingLine, quizTotals, rowMessage, rowOutcome, type RowOutcome } from './row-text.ts';
export { csvHeader, csvLine, csvRow, stepColumns, writeCsv } from './write-csv.ts';
export { JUNIT_HEAD, JUNIT_TAIL, junitSuite, writeJunit, xml } from './write-junit.ts';
export { gradescopeResults, type GradescopeResults, type GradescopeTest } from './write-gradescope.ts';
export { JSON_TAIL, REGRADE_FORMAT, REGRADE_FORMAT_VERSION, jsonHead, jsonRow, writeJson } from './write-json.ts';
