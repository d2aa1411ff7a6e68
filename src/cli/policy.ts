/** `lab-check policy FILE... [--type trust|identity] [--format json|text]`: validates IAM policy documents. */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Finding } from '../core/findings.ts';
import { validatePolicy, type PolicyKind } from '../core/policy/index.ts';
import { visibleText } from '../core/submissions/visible-text.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';

const USAGE = 'Usage: lab-check policy FILE... [--type trust|identity] [--format json|text] ("-" reads standard input)\n';

interface FileResult {
  file: string;
  valid: boolean;
  findings: Array<Omit<Finding, 'data' | 'rejectedBy'>>;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        type: { type: 'string', default: 'trust' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`lab-check policy: ${(error as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (values.type !== 'trust' && values.type !== 'identity') {
    io.stderr(`lab-check policy: --type must be trust or identity, not "${values.type}".\n`);
    return EXIT_USAGE;
  }
  if (values.format !== 'json' && values.format !== 'text') {
    io.stderr(`lab-check policy: --format must be json or text, not "${values.format}".\n`);
    return EXIT_USAGE;
  }
  if (positionals.length === 0) {
    io.stderr(`lab-check policy: no policy files given.\n${USAGE}`);
    return EXIT_USAGE;
  }

  const kind: PolicyKind = values.type;
  const results: FileResult[] = [];
  let readErrors = 0;
  for (const file of positionals) {
    const text = await readPolicy(file, io);
    if (text === undefined) {
      readErrors += 1;
      continue;
    }
    const validation = validatePolicy(text, { kind });
    results.push({ file, valid: validation.valid, findings: validation.findings.map(publicFields) });
  }

  if (values.format === 'json') {
    const output = positionals.length === 1 && results.length === 1 ? results[0] : results;
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const result of results) io.stdout(formatText(result));
  }
  if (readErrors > 0) return EXIT_USAGE;
  return results.every((result) => result.valid) ? EXIT_OK : EXIT_INVALID;
}

/**
 * The maximum size of a policy file, in bytes. Text this long already gets
 * POLICY_DOCUMENT_TOO_LONG, so the limit hides no finding, and it keeps a
 * device or a huge file from filling memory.
 */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;

async function readPolicy(file: string, io: CliIo): Promise<string | undefined> {
  const fail = (reason: string): undefined => {
    io.stderr(`lab-check policy: cannot read ${visibleText(file)}: ${reason}.\n`);
    return undefined;
  };
  if (file === '-') return io.readStdin();

  let bytes: Buffer;
  try {
    const path = isAbsolute(file) ? file : resolve(io.cwd, file);
    // Checked before opening, so that a FIFO or a device is never read.
    const info = await stat(path);
    if (!info.isFile()) return fail('not a regular file');
    if (info.size > MAX_POLICY_FILE_BYTES) {
      return fail(`it is ${info.size} bytes, larger than the ${MAX_POLICY_FILE_BYTES} bytes read`);
    }
    bytes = await readFile(path);
  } catch (error) {
    return fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('it is not UTF-8 text; save it as UTF-8 and check it again');
  }
}

/** Picks the finding fields that the JSON output documents, in a fixed order. */
function publicFields(finding: Finding): FileResult['findings'][number] {
  const { code, severity, message, hint, path, line, column, endLine, endColumn } = finding;
  return { code, severity, message, hint, path, line, column, endLine, endColumn };
}

function formatText(result: FileResult): string {
  const file = visibleText(result.file);
  if (result.findings.length === 0) return `${file}: valid, no findings\n`;
  return result.findings
    .map((finding) => `${file}:${finding.line ?? 1}:${finding.column ?? 1}: ${finding.severity} ${finding.code} ${visibleText(finding.message)}\n`)
    .join('');
}
