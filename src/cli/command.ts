/**
 * `lab-check command "aws ..." [--format json|text]`: validates AWS CLI commands. With `-` it
 * reads one command per line from standard input; a line ending in a backslash continues on the
 * next line. `file://` paths are read relative to the current folder, as the AWS CLI reads them.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { Finding } from '../core/findings.ts';
import { validateCommand, type CommandValidation, type FileProvider } from '../core/command/index.ts';
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
  const commands = fromStdin ? splitCommands(await io.readStdin()) : options.commands;
  const files = fileProvider(io.cwd);
  const results = commands.map((command) => toResult(command, validateCommand(command, { files })));

  if (options.format === 'json') {
    const output = fromStdin ? results : results[0];
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const result of results) io.stdout(formatText(result, fromStdin));
  }
  return results.every((result) => result.valid) ? EXIT_OK : EXIT_INVALID;
}

/** Splits standard input into commands: one per line, joining lines that end in a backslash. */
export function splitCommands(input: string): string[] {
  const commands: string[] = [];
  let current = '';
  for (const line of input.split(/\r?\n/)) {
    current += line;
    if (/(?:^|[^\\])(?:\\\\)*\\$/.test(line)) {
      current += '\n';
      continue;
    }
    if (current.trim() && !current.trim().startsWith('#')) commands.push(current);
    current = '';
  }
  if (current.trim()) commands.push(current);
  return commands;
}

/** Reads files relative to `cwd`, expanding `~/` as the AWS CLI does. */
export function fileProvider(cwd: string): FileProvider {
  return (path, scheme) => {
    const expanded = path.startsWith('~/') ? resolve(homedir(), path.slice(2)) : path;
    const full = isAbsolute(expanded) ? expanded : resolve(cwd, expanded);
    try {
      return readFileSync(full, scheme === 'fileb' ? 'latin1' : 'utf8');
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

function formatText(result: CommandResult, numbered: boolean): string {
  const label = numbered ? `${JSON.stringify(result.command.split('\n')[0]?.slice(0, 60) ?? '')}: ` : '';
  if (result.findings.length === 0) return `${label}valid, no findings\n`;
  return result.findings
    .map((finding) => {
      const where = `${'file' in finding ? `${String(finding.file)}:` : ''}${finding.line ?? 1}:${finding.column ?? 1}`;
      const side = finding.rejectedBy ? ` (rejected by the ${finding.rejectedBy === 'cli' ? 'AWS CLI' : 'service'})` : '';
      const hint = finding.hint ? `\n    ${finding.hint}` : '';
      return `${label}${where}: ${finding.severity} ${finding.code}${side} ${finding.message}${hint}\n`;
    })
    .join('');
}
