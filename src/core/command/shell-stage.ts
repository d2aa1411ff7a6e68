/**
 * The shell's part of running a command: splitting the text into words, finding the `aws`
 * command among the shell's commands, and substituting the variables that the commands before
 * it set and those that the caller supplies.
 */
import { expandWord, lexShell, type ShellIssue, type ShellWord, type SimpleCommand } from '../shell/index.ts';
import { DECLARATION_BUILTINS, shellScript, type ShellScript } from '../extract/shell.ts';
import type { Finding } from '../findings.ts';
import { commandFinding, type CommandCodeName } from './messages.ts';
import type { ArgWord, LineIndex } from './locate.ts';
import type { ValidateCommandOptions, VariableValue } from './types.ts';
import { isLookalikeAws, readLookalikeAws, splitOptionWord, warnAboutLookalikes } from './lookalikes.ts';
import { describeCharacter } from '../shell/lookalikes.ts';

export interface ShellStage {
  /** The arguments after `aws`; undefined when the text runs no aws command. */
  argv?: ArgWord[];
  /** Span of the program word, for findings about the command as a whole. */
  programSpan?: [number, number];
}

const ISSUE_CODES: Record<ShellIssue['code'], CommandCodeName | undefined> = {
  'unclosed-single-quote': 'SHELL_UNCLOSED_QUOTE',
  'unclosed-double-quote': 'SHELL_UNCLOSED_QUOTE',
  'unclosed-expansion': 'SHELL_UNCLOSED_EXPANSION',
  'unclosed-heredoc': undefined,
  'nul-byte': 'SHELL_NUL_BYTE',
  'curly-quote': 'SHELL_CURLY_QUOTE',
  'caret-continuation': 'SHELL_CARET_CONTINUATION',
  'backtick-continuation': 'SHELL_BACKTICK_CONTINUATION',
  'space-after-backslash': 'SHELL_SPACE_AFTER_BACKSLASH',
};

/**
 * Splits the text into words, finds the aws command, and substitutes the variables that the
 * script sets before it, read as the lab engine's extraction reads them, over `variables`.
 */
export function runShellStage(
  text: string, lines: LineIndex, variables: ValidateCommandOptions['variables'], findings: Finding[],
): ShellStage {
  const { tokens, issues } = lexShell(text);
  const reported = new Set<string>();
  for (const issue of issues) {
    const code = ISSUE_CODES[issue.code];
    // One finding per kind of NUL or curly quote is enough to explain it.
    if (!code || ((code === 'SHELL_NUL_BYTE' || code === 'SHELL_CURLY_QUOTE') && reported.has(code))) continue;
    reported.add(code);
    const quote = issue.code === 'unclosed-single-quote' ? "'" : '"';
    let data: Record<string, unknown> = {};
    if (code === 'SHELL_UNCLOSED_QUOTE') data = { quote };
    else if (code === 'SHELL_CURLY_QUOTE' && issue.text) data = { text: issue.text, quote: issue.text, ...describeCharacter(issue.text) };
    else if (issue.text) data = { text: issue.text, quote: issue.text };
    findings.push(commandFinding({ code, data, span: lines.span(issue.start, code.startsWith('SHELL_UNCLOSED') ? issue.start + 1 : issue.end) }));
  }

  const script = shellScript(text, tokens, outerVariables(variables));
  const { commands } = script;
  const targetIndex = commands.findIndex((command) => isAws(command.words[0]));
  const target = commands[targetIndex];
  if (!target) {
    const first = commands.find((command) => command.words.length > 0);
    if (first?.words[0]) {
      const word = first.words[0];
      if (!DECLARATION_BUILTINS.has(word.value)) {
        findings.push(commandFinding({ code: 'COMMAND_NOT_AWS', data: { program: word.value }, span: lines.span(word.start, word.end) }));
        return {};
      }
    }
    findings.push(commandFinding({ code: 'COMMAND_EMPTY', span: lines.span(0, 0) }));
    return {};
  }

  reportOtherCommands(commands, target, lines, findings);
  for (const redirection of target.redirections) {
    const { operator } = redirection;
    findings.push(commandFinding({ code: 'SHELL_REDIRECTION', data: { operator: operator.op }, span: lines.span(operator.start, operator.end) }));
  }
  script.runBefore(targetIndex);
  const [program, ...rest] = target.words;
  const argv: ArgWord[] = [];
  if (program && isLookalikeAws(program.value)) argv.push(...readLookalikeAws(plainArgWord(program), lines, findings));
  for (const word of rest) {
    for (const piece of splitOptionWord(expandArgument(word, script, lines, findings), lines, findings)) {
      warnAboutLookalikes(piece, lines, findings);
      argv.push(piece);
    }
  }
  return { argv, programSpan: [program?.start ?? 0, program?.end ?? 0] };
}

function isAws(word: ShellWord | undefined): boolean {
  if (!word || word.expansions.length > 0) return false;
  const name = word.value.slice(word.value.lastIndexOf('/') + 1);
  return name === 'aws' || isLookalikeAws(word.value);
}

function plainArgWord(word: ShellWord): ArgWord {
  return { value: word.value, offsets: word.offsets, start: word.start, end: word.end, unknown: false };
}

/** Returns the caller's variables as a lookup, whichever form they are given in. */
export function outerVariables(variables: ValidateCommandOptions['variables']): (name: string) => VariableValue {
  if (typeof variables === 'function') return variables;
  if (!variables) return () => undefined;
  return (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined);
}

/**
 * Reports the commands other than the aws command: at the operator that joins each to it, or at
 * the aws word of a second aws command, because that one sends a request that is not checked.
 */
function reportOtherCommands(commands: readonly SimpleCommand[], target: SimpleCommand, lines: LineIndex, findings: Finding[]): void {
  const targetIndex = commands.indexOf(target);
  commands.forEach((command, index) => {
    if (command === target || command.words.length === 0 || DECLARATION_BUILTINS.has(command.words[0]?.value ?? '')) return;
    const awsWord = command.words.find(runsAws);
    if (awsWord) {
      findings.push(commandFinding({ code: 'SHELL_OTHER_AWS_COMMAND', span: lines.span(awsWord.start, awsWord.end) }));
      return;
    }
    const before = index < targetIndex;
    const operator = before ? command.endedBy : command.precededBy;
    if (!operator) return;
    const name = operator.op === '\n' ? 'line break' : operator.op;
    const span = lines.span(operator.start, operator.end);
    if (!before) {
      findings.push(commandFinding({ code: 'SHELL_OPERATOR', data: { operator: name }, span }));
      return;
    }
    const program = command.words[0]?.value ?? '';
    const data = { operator: name, program, never: stopsNextCommand(program, operator.op) };
    findings.push(commandFinding({ code: 'SHELL_COMMAND_BEFORE', data, span }));
  });
}

/**
 * Returns whether a word runs the AWS CLI: `aws` or a path to it (after `sudo`, `env`, `xargs`),
 * or a command text that starts with it (`sh -c 'aws ...'`, `eval "aws ..."`).
 * NOTE: an aws command run by a script, a function or an alias is not seen.
 */
function runsAws(word: ShellWord): boolean {
  return isAws(word) || /^(?:\S*\/)?aws(?:\s|$)/.test(word.value);
}

/** Builtins after which a shell runs nothing more: it exits, or becomes another program. */
const ENDS_SHELL = new Set(['exit', 'exec', 'logout', 'return']);

/** Returns whether `program`, joined to the next command by `operator`, keeps that command from running. */
function stopsNextCommand(program: string, operator: string): boolean {
  if (ENDS_SHELL.has(program)) return true;
  if (operator === '&&') return program === 'false';
  if (operator === '||') return program === 'true' || program === ':';
  return false;
}

function expandArgument(word: ShellWord, script: ShellScript, lines: LineIndex, findings: Finding[]): ArgWord {
  const expanded = expandWord(word, (name) => {
    const value = script.variable(name);
    return typeof value === 'string' ? value : undefined;
  });
  for (const expansion of expanded.unresolved) {
    const span = lines.span(expansion.start, expansion.end);
    const value = expansion.kind === 'variable' && !expansion.modifier ? script.variable(expansion.name) : undefined;
    if (typeof value === 'object' && value.unreadable === 'LIMIT_EXCEEDED') {
      findings.push(commandFinding({ code: 'SHELL_EXPANSION_TOO_LONG', data: { name: expansion.name }, span }));
    } else if (typeof value === 'object') {
      findings.push(commandFinding({ code: 'SHELL_VARIABLE_UNREADABLE', data: { name: expansion.name, reason: value.unreadable }, span }));
    } else if (expansion.kind === 'variable') {
      findings.push(commandFinding({ code: 'SHELL_UNKNOWN_VARIABLE', data: { name: expansion.name }, span }));
    } else {
      findings.push(commandFinding({ code: 'SHELL_COMMAND_SUBSTITUTION', span }));
    }
  }
  for (const expansion of expanded.tooLong) {
    findings.push(commandFinding({ code: 'SHELL_EXPANSION_TOO_LONG', data: { name: expansion.name }, span: lines.span(expansion.start, expansion.end) }));
  }
  for (const expansion of expanded.split) {
    findings.push(commandFinding({ code: 'SHELL_WORD_SPLIT', data: { name: expansion.name }, span: lines.span(expansion.start, expansion.end) }));
  }
  return {
    value: expanded.value, offsets: expanded.offsets, start: word.start, end: word.end,
    unknown: expanded.unresolved.length > 0 || expanded.tooLong.length > 0,
  };
}
