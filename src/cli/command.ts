/**
 * `lab-check command "aws ..." [--format json|text]`: validates AWS CLI commands. With `-` it
 * reads a script from standard input, one command per line. A line ending in a backslash
 * continues on the next line, and later lines use the variables that earlier lines set.
 * `file://` paths are read relative to the current folder, as the AWS CLI reads them.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, resolve, sep } from 'node:path';
import type { Finding } from '../core/findings.ts';
import { splitCommandLines, validateCommand, validateScript, type CommandValidation, type FileProvider } from '../core/command/index.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';

const USAGE =
  'Usage: lab-check command "aws ..." [--format json|text]\n' +
  '       lab-check command - [--format json|text]   (one command per line on standard input)\n';

interface CommandResult {
  command: string;
  valid: boolean;
  service?: string;
  operation?: string;
  parameters: Record<string, unknown>;
  findings: Array<Omit<Finding, 'data'>>;
}

interface Options {
  format: string;
  help: boolean;
  commands: string[];
}

/** Reads this subcommand's own options; every other argument is part of the command to check. */
function parseOptions(args: string[]): Options | string {
  const options: Options = { format: 'text', help: false, commands: [] };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--format') {
      const value = args[i + 1];
      if (value === undefined) return '--format expects json or text';
      options.format = value;
      i += 1;
    } else if (arg.startsWith('--format=')) options.format = arg.slice('--format='.length);
    else words.push(arg);
  }
  if (words.length > 1) options.commands = [words.map(shellQuote).join(' ')];
  else options.commands = words;
  return options;
}

/** Quotes one argument of an unquoted command line so that the shell lexer reads it back unchanged. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args);
  if (typeof options === 'string') {
    io.stderr(`lab-check command: ${options}.\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (options.format !== 'json' && options.format !== 'text') {
    io.stderr(`lab-check command: --format must be json or text, not "${options.format}".\n`);
    return EXIT_USAGE;
  }
  if (options.commands.length === 0) {
    io.stderr(`lab-check command: no command given.\n${USAGE}`);
    return EXIT_USAGE;
  }

  const fromStdin = options.commands.length === 1 && options.commands[0] === '-';
  const files = fileProvider(io.cwd);
  const commands = fromStdin
    ? validateScript(await io.readStdin(), { files })
    : options.commands.map((text) => ({ text, line: 1, validation: validateCommand(text, { files }) }));
  const results = commands.map(({ text, validation }) => toResult(text, validation));

  if (options.format === 'json') {
    const output = fromStdin ? results : results[0];
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    results.forEach((result, i) => io.stdout(formatText(result, fromStdin ? commands[i]!.line : undefined)));
  }
  return results.every((result) => result.valid) ? EXIT_OK : EXIT_INVALID;
}

/** Splits standard input into commands: one per line, joining lines that end in a backslash. */
export function splitCommands(input: string): string[] {
  return splitCommandLines(input).map((command) => command.text);
}

/** The largest file:// file read, in bytes; IAM's largest policy document is 131,072 characters. */
export const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

/**
 * Reads files relative to `cwd`, expanding `~/` as the AWS CLI does, but
 * only regular files inside `cwd` (after resolving links) of at most
 * MAX_REFERENCED_FILE_BYTES. The AWS CLI reads any path, but a checked
 * command is often a learner's, and its output would print the file: a
 * command naming file:///etc/passwd or a FIFO must neither leak nor hang.
 */
export function fileProvider(cwd: string): FileProvider {
  let root: string | undefined;
  return (path, scheme) => {
    const expanded = path.startsWith('~/') ? resolve(homedir(), path.slice(2)) : path;
    const full = isAbsolute(expanded) ? expanded : resolve(cwd, expanded);
    let real: string;
    try {
      root ??= realpathSync(cwd);
      real = realpathSync(full);
    } catch {
      return undefined;
    }
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    try {
      const info = statSync(real);
      if (!info.isFile() || info.size > MAX_REFERENCED_FILE_BYTES) return null;
      return readFileSync(real, scheme === 'fileb' ? 'latin1' : 'utf8');
    } catch {
      return undefined;
    }
  };
}

function toResult(command: string, validation: CommandValidation): CommandResult {
  return {
    command,
    valid: validation.valid,
    ...(validation.service ? { service: validation.service } : {}),
    ...(validation.operation ? { operation: validation.operation } : {}),
    parameters: validation.parameters,
    findings: validation.findings.map(publicFields),
  };
}

/** The finding fields the JSON output documents, in a fixed order. */
function publicFields(finding: Finding): CommandResult['findings'][number] {
  const { code, severity, message, hint, path, line, column, endLine, endColumn, rejectedBy } = finding;
  const file = typeof finding.data?.file === 'string' ? finding.data.file : undefined;
  return { code, severity, rejectedBy, message, hint, path, line, column, endLine, endColumn, ...(file ? { file } : {}) };
}

/**
 * Renders one result as text. A command read from standard input starts at
 * `startLine` there, so its findings are labelled `-:LINE:COLUMN` in that
 * input. Findings inside a file:// file keep that file's own positions.
 */
function formatText(result: CommandResult, startLine: number | undefined): string {
  if (result.findings.length === 0) {
    return `${startLine === undefined ? '' : `-:${startLine}: `}valid, no findings\n`;
  }
  return result.findings
    .map((finding) => {
      let prefix = '';
      let line = finding.line ?? 1;
      if ('file' in finding) {
        prefix = `${String(finding.file)}:`;
      } else if (startLine !== undefined) {
        prefix = '-:';
        line += startLine - 1;
      }
      const where = `${prefix}${line}:${finding.column ?? 1}`;
      const side = finding.rejectedBy ? ` (rejected by the ${finding.rejectedBy === 'cli' ? 'AWS CLI' : 'service'})` : '';
      const hint = finding.hint ? `\n    ${finding.hint}` : '';
      return `${where}: ${finding.severity} ${finding.code}${side} ${finding.message}${hint}\n`;
    })
    .join('');
}
