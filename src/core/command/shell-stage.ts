/**
 * The shell's part of running a command: splitting the text into words, finding the `aws`
 * command among the shell's commands, and substituting the variables that the caller supplies.
 */
import { expandWord, lexShell, simpleCommands, type ShellIssue, type ShellWord, type SimpleCommand } from '../shell/index.ts';
import type { Finding } from '../findings.ts';
import { commandFinding, type CommandCodeName } from './messages.ts';
import type { ArgWord, LineIndex } from './locate.ts';
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

/** Commands that only set variables, which may come before the aws command in a script. */
const ASSIGNING_COMMANDS = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);

export function runShellStage(
  text: string, lines: LineIndex, variables: Record<string, string>, findings: Finding[],
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

  const known: Record<string, string> = Object.assign(Object.create(null), variables);
  const commands = simpleCommands(tokens);
  const target = commands.find((command) => {
    if (isAws(command.words[0])) return true;
    collectAssignments(command, known, lines, findings);
    return false;
  });
  if (!target) {
    const first = commands.find((command) => command.words.length > 0);
    if (first?.words[0]) {
      const word = first.words[0];
      if (!ASSIGNING_COMMANDS.has(word.value)) {
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
  const lookup = (name: string): string | undefined => (Object.hasOwn(known, name) ? known[name] : undefined);
  const [program, ...rest] = target.words;
  const argv: ArgWord[] = [];
  if (program && isLookalikeAws(program.value)) argv.push(...readLookalikeAws(plainArgWord(program), lines, findings));
  for (const word of rest) {
    for (const piece of splitOptionWord(expandArgument(word, lookup, lines, findings), lines, findings)) {
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

function collectAssignments(command: SimpleCommand, known: Record<string, string>, lines: LineIndex, findings: Finding[]): void {
  const words = ASSIGNING_COMMANDS.has(command.words[0]?.value ?? '') ? command.words.slice(1) : [];
  const lookup = (name: string): string | undefined => (Object.hasOwn(known, name) ? known[name] : undefined);
  for (const word of [...command.assignments, ...words]) {
    if (!word.assignment) continue;
    const expanded = expandWord(word, lookup);
    for (const expansion of expanded.tooLong) {
      findings.push(commandFinding({ code: 'SHELL_EXPANSION_TOO_LONG', data: { name: expansion.name }, span: lines.span(expansion.start, expansion.end) }));
    }
    if (expanded.unresolved.length || expanded.tooLong.length) continue;
    known[word.assignment.name] = expanded.value.slice(word.assignment.valueIndex);
  }
}

function reportOtherCommands(commands: SimpleCommand[], target: SimpleCommand, lines: LineIndex, findings: Finding[]): void {
  const pipe = target.endedBy?.op === '|' || target.endedBy?.op === '|&' ? target.endedBy : undefined;
  for (const command of commands) {
    if (command === target || command.words.length === 0 || ASSIGNING_COMMANDS.has(command.words[0]?.value ?? '')) continue;
    const operator = command.precededBy ?? pipe ?? target.endedBy;
    if (!operator) continue;
    const name = operator.op === '\n' ? 'line break' : operator.op;
    findings.push(commandFinding({ code: 'SHELL_OPERATOR', data: { operator: name }, span: lines.span(operator.start, operator.end) }));
  }
}

function expandArgument(
  word: ShellWord, lookup: (name: string) => string | undefined, lines: LineIndex, findings: Finding[],
): ArgWord {
  const expanded = expandWord(word, lookup);
  for (const expansion of expanded.unresolved) {
    const span = lines.span(expansion.start, expansion.end);
    if (expansion.kind === 'variable') {
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
