/**
 * Validation of a shell script of AWS CLI commands, one command per line, as `lab-check command -`
 * reads standard input. Each command is validated with the variables that the lines before it
 * set (`ROLE=lab-role`, `export ROLE=lab-role`), read as the lab engine's extraction reads a
 * learner's shell answer.
 */
import { DECLARATION_BUILTINS, shellScript } from '../extract/shell.ts';
import { lexShell, type SimpleCommand } from '../shell/index.ts';
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

/**
 * First words of the commands that a script runs between its aws commands and that are not
 * checked: builtins that only change variables, and the reserved words of if, case and loops.
 */
const SCRIPT_WORDS = new Set([
  ...DECLARATION_BUILTINS, 'unset',
  'if', 'then', 'elif', 'else', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', '{', '}', '!',
]);

/** Returns whether commands only set variables or open and close compound commands, and run no aws. */
function isScriptStructure(commands: readonly SimpleCommand[]): boolean {
  if (commands.length === 0) return false;
  return commands.every((command) => {
    const [first] = command.words;
    const runsAws = command.words.some((word) => word.value === 'aws' || word.value.endsWith('/aws'));
    return !runsAws && (!first || SCRIPT_WORDS.has(first.value));
  });
}

/**
 * Returns the index after the last command that starts before `end`, and the offset where the
 * text of those commands ends. A command that ends on a later line, inside a quote that spans
 * lines, takes the rest of that line too, and any command that starts in it.
 */
function commandsThrough(script: string, commands: readonly SimpleCommand[], first: number, lineEnd: number): [number, number] {
  let last = first;
  let end = lineEnd;
  for (;;) {
    for (; last < commands.length && (commands[last]?.start ?? 0) < end; last += 1) end = Math.max(end, commands[last]?.end ?? 0);
    const newline = script.indexOf('\n', end);
    let restOfLine = newline === -1 ? script.length : newline;
    if (script[restOfLine - 1] === '\r') restOfLine -= 1;
    if (restOfLine <= end) return [last, end];
    end = restOfLine;
  }
}

/**
 * Validates each command of `script` with the variables that the commands before it set, over
 * `options.variables`. A command whose quotes span several lines is validated whole. Lines that
 * only set or unset variables, or open or close an if, a case or a loop, are not validated.
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

    const [last, end] = commandsThrough(script, commands, next, line.end);
    covered = end;
    // NOTE: an aws command after `then` or `do` on one of these lines is kept, and validateCommand
    // reports COMMAND_NOT_AWS for it, because it looks for aws only as a command's first word.
    if (isScriptStructure(commands.slice(next, last))) continue;

    const text = end > line.end ? script.slice(line.start, end) : line.text;
    const validation = validateCommand(text, { ...options, variables: (name) => shell.variable(name) });
    results.push({ ...line, text, end, validation });
  }
  return results;
}
