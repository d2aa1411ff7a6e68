/**
 * Validation of a shell script of AWS CLI commands, one command per line, as `lab-check command -`
 * reads standard input. Each command is validated with the variables that the lines before it
 * set (`ROLE=lab-role`, `export ROLE=lab-role`), read as the lab engine's extraction reads a
 * learner's shell answer.
 */
import { DECLARATION_BUILTINS, shellScript } from '../extract/shell.ts';
import { lexShell } from '../shell/index.ts';
import type { CommandValidation, ValidateCommandOptions } from './types.ts';
import { outerVariables } from './shell-stage.ts';
import { validateCommand } from './validate.ts';

export interface ScriptLine {
  text: string;
  /** 1-based line of the script where the command starts. */
  line: number;
  /** Offsets in the script where the command's text starts and ends. */
  start: number;
  end: number;
}

export interface ScriptCommand extends ScriptLine {
  validation: CommandValidation;
}

/**
 * Splits a script into commands: one per line, joining lines that end in a backslash. Blank
 * lines and lines that start with `#` are left out.
 */
export function splitCommandLines(input: string): ScriptLine[] {
  const commands: ScriptLine[] = [];
  let current = '';
  let startLine = 1;
  let start = 0;
  let offset = 0;
  for (const [index, line] of input.split('\n').entries()) {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (current === '') {
      startLine = index + 1;
      start = offset;
    }
    const end = offset + text.length;
    offset += line.length + 1;
    current += text;
    if (/(?:^|[^\\])(?:\\\\)*\\$/.test(text)) {
      current += '\n';
      continue;
    }
    if (current.trim() && !current.trim().startsWith('#')) commands.push({ text: current, line: startLine, start, end });
    current = '';
  }
  if (current.trim()) commands.push({ text: current, line: startLine, start, end: input.length });
  return commands;
}

/** Commands that only change variables, which a script runs between its aws commands. */
const VARIABLE_COMMANDS = new Set([...DECLARATION_BUILTINS, 'unset']);

/**
 * Validates each command of `script` with the variables that the commands before it set, over
 * `options.variables`. A command whose quotes span several lines is validated whole. Lines that
 * only set or unset variables are not validated, because they run no aws command.
 */
export function validateScript(script: string, options: ValidateCommandOptions = {}): ScriptCommand[] {
  const shell = shellScript(script, lexShell(script).tokens, outerVariables(options.variables));
  const { commands } = shell;
  const results: ScriptCommand[] = [];
  let next = 0;
  let covered = 0;
  for (const line of splitCommandLines(script)) {
    // The line is inside a command that started on an earlier line, such as a quoted policy.
    if (line.start < covered) continue;
    while (next < commands.length && (commands[next]?.start ?? 0) < line.start) next += 1;
    shell.runBefore(next);

    let last = next;
    let end = line.end;
    for (; last < commands.length && (commands[last]?.start ?? 0) < line.end; last += 1) end = Math.max(end, commands[last]?.end ?? 0);
    covered = end;
    const own = commands.slice(next, last);
    if (own.length > 0 && own.every((command) => !command.words[0] || VARIABLE_COMMANDS.has(command.words[0].value))) continue;

    const text = end > line.end ? script.slice(line.start, end) : line.text;
    const validation = validateCommand(text, { ...options, variables: (name) => shell.variable(name) });
    results.push({ ...line, text, end, validation });
  }
  return results;
}
