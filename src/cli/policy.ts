/** `lab-check policy FILE... [--type trust|identity] [--format json|text]`: validates IAM policy documents. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Finding } from '../core/findings.ts';
import { validatePolicy, type PolicyKind } from '../core/policy/index.ts';
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

async function readPolicy(file: string, io: CliIo): Promise<string | undefined> {
  try {
    if (file === '-') return await io.readStdin();
    return await readFile(isAbsolute(file) ? file : resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    io.stderr(`lab-check policy: cannot read ${file}: ${reason}.\n`);
    return undefined;
  }
}

/** Picks the finding fields that the JSON output documents, in a fixed order. */
function publicFields(finding: Finding): FileResult['findings'][number] {
  const { code, severity, message, hint, path, line, column, endLine, endColumn } = finding;
  return { code, severity, message, hint, path, line, column, endLine, endColumn };
}

function formatText(result: FileResult): string {
  if (result.findings.length === 0) return `${result.file}: valid, no findings\n`;
  return result.findings
    .map((finding) => `${result.file}:${finding.line ?? 1}:${finding.column ?? 1}: ${finding.severity} ${finding.code} ${finding.message}\n`)
    .join('');
}
