/** Variable substitution in lexed words, and grouping of tokens into simple commands. */
import type { ShellExpansion, ShellHeredoc, ShellOperator, ShellToken, ShellWord } from './types.ts';

export interface ExpandedWord {
  value: string;
  /** As `ShellWord.offsets`: every character of a substituted value maps to its expansion's start. */
  offsets: Int32Array;
  /** Expansions left as written: unknown variables, command substitutions and arithmetic. */
  unresolved: ShellExpansion[];
  /** Variables substituted outside double quotes whose values contain blanks, so a shell splits them. */
  split: ShellExpansion[];
  /** Variables left as written because substituting them would make the word longer than MAX_EXPANDED_LENGTH. */
  tooLong: ShellExpansion[];
}

/**
 * The longest word `expandWord` builds, in UTF-16 code units. Doubling a
 * variable (`A="$A$A"`) forty times would otherwise build a string of
 * terabytes and crash the process.
 */
export const MAX_EXPANDED_LENGTH = 1 << 20;

/**
 * Substitutes `$name` and `${name}` expansions of `word` with `lookup(name)`. An expansion with a
 * modifier (`${name:-x}`), an unknown variable, a command substitution or arithmetic stays as
 * written and is returned in `unresolved`.
 */
export function expandWord(word: ShellWord, lookup: (name: string) => string | undefined): ExpandedWord {
  const unresolved: ShellExpansion[] = [];
  const split: ShellExpansion[] = [];
  const tooLong: ShellExpansion[] = [];
  if (word.expansions.length === 0) return { value: word.value, offsets: word.offsets, unresolved, split, tooLong };

  const parts: string[] = [];
  const offsets: number[] = [];
  let index = 0;
  for (const expansion of word.expansions) {
    const replacement = expansion.kind === 'variable' && !expansion.modifier ? lookup(expansion.name) : undefined;
    if (replacement === undefined) {
      unresolved.push(expansion);
      continue;
    }
    if (offsets.length + replacement.length + word.value.length > MAX_EXPANDED_LENGTH) {
      tooLong.push(expansion);
      continue;
    }
    if (!expansion.quoted && /\s/.test(replacement)) split.push(expansion);
    parts.push(word.value.slice(index, expansion.valueStart));
    for (let i = index; i < expansion.valueStart; i++) offsets.push(word.offsets[i] ?? 0);
    parts.push(replacement);
    for (let i = 0; i < replacement.length; i++) offsets.push(expansion.start);
    index = expansion.valueEnd;
  }
  parts.push(word.value.slice(index));
  for (let i = index; i <= word.value.length; i++) offsets.push(word.offsets[i] ?? word.end);
  return { value: parts.join(''), offsets: Int32Array.from(offsets), unresolved, split, tooLong };
}

export interface ShellRedirection {
  operator: ShellOperator;
  /** The file or descriptor word after the operator, missing when the text ends there. */
  target?: ShellWord;
  heredoc?: ShellHeredoc;
}

/** One simple command: leading assignments, words and redirections up to a control operator. */
export interface SimpleCommand {
  assignments: ShellWord[];
  words: ShellWord[];
  redirections: ShellRedirection[];
  /** The control operator before this command (`|`, `&&`, `;`, ...), missing for the first one. */
  precededBy?: ShellOperator;
  /** The control operator that ends the command, missing at the end of the text. */
  endedBy?: ShellOperator;
  start: number;
  end: number;
}

const REDIRECTIONS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-', '<<<', '&>', '&>>']);

/**
 * Groups tokens into simple commands, split at `|`, `||`, `&`, `&&`, `;`, `;;`, `(`, `)` and
 * newlines. Comments are dropped, and empty commands such as blank lines are not returned.
 */
export function simpleCommands(tokens: readonly ShellToken[]): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let current = emptyCommand(undefined);
  let pendingRedirection: ShellRedirection | undefined;
  const heredocTargets: ShellRedirection[] = [];

  const close = (operator: ShellOperator | undefined): void => {
    if (operator) current.endedBy = operator;
    if (current.words.length || current.assignments.length || current.redirections.length) commands.push(current);
    current = emptyCommand(operator);
  };

  for (const token of tokens) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'heredoc') {
      const redirection = heredocTargets.shift();
      if (redirection) redirection.heredoc = token;
      continue;
    }
    if (token.kind === 'operator') {
      if (REDIRECTIONS.has(token.op)) {
        pendingRedirection = { operator: token };
        current.redirections.push(pendingRedirection);
        if (token.op === '<<' || token.op === '<<-') heredocTargets.push(pendingRedirection);
        extend(current, token.start, token.end);
      } else {
        close(token);
      }
      continue;
    }
    extend(current, token.start, token.end);
    if (pendingRedirection) {
      pendingRedirection.target = token;
      pendingRedirection = undefined;
    } else if (token.assignment && current.words.length === 0) {
      current.assignments.push(token);
    } else {
      current.words.push(token);
    }
  }
  close(undefined);
  return commands;
}

function emptyCommand(precededBy: ShellOperator | undefined): SimpleCommand {
  return { assignments: [], words: [], redirections: [], ...(precededBy ? { precededBy } : {}), start: -1, end: -1 };
}

function extend(command: SimpleCommand, start: number, end: number): void {
  if (command.start === -1) command.start = start;
  command.end = end;
}
