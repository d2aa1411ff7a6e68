/**
 * Lookalike characters in a command's arguments: em dashes and single hyphens before option
 * names, no-break spaces between an option and its value, zero-width and full-width characters.
 * Where the AWS CLI would reject the argument anyway, the validator reports an error and reads
 * the argument as the author meant, so that the rest of the command is still checked. Elsewhere,
 * in values, the character stays, as the CLI keeps it, and gets a warning.
 */
import type { Finding } from '../findings.ts';
import { asciiFor, describeCharacter, findLookalike, lookalikeKind } from '../shell/lookalikes.ts';
import type { OptionTable } from './argparse.ts';
import type { ArgWord, LineIndex } from './locate.ts';
import { commandFinding } from './messages.ts';

/** The leading dashes of an option: ASCII hyphen-minus and the characters typed in its place. */
const LEADING_DASHES = /^[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]+/;

/** Returns the length of the part of an option word that names the option: up to `=`, or all of it. */
const namePartLength = (value: string): number => {
  const equals = value.indexOf('=');
  return equals === -1 ? value.length : equals;
};

/** Returns a copy of `word` whose characters from `from` to `to` are replaced, each by `replace(char, index)`. */
function rebuild(word: ArgWord, from: number, to: number, replace: (char: string, index: number) => string): ArgWord {
  const parts: string[] = [word.value.slice(0, from)];
  const offsets: number[] = Array.from(word.offsets.subarray(0, from));
  for (let i = from; i < to; i++) {
    const replacement = replace(word.value[i] ?? '', i - from);
    parts.push(replacement);
    for (let k = 0; k < replacement.length; k++) offsets.push(word.offsets[i] ?? word.end);
  }
  parts.push(word.value.slice(to));
  for (let i = to; i <= word.value.length; i++) offsets.push(word.offsets[i] ?? word.end);
  return { ...word, value: parts.join(''), offsets: Int32Array.from(offsets) };
}

/** Returns the source span of `word.value[from..to)`. */
function sourceSpan(lines: LineIndex, word: ArgWord, from: number, to: number) {
  const start = word.offsets[from] ?? word.start;
  const last = word.offsets[Math.max(from, to - 1)] ?? start;
  return lines.span(start, Math.max(start + 1, last + 1));
}

/**
 * Splits an option word at the Unicode spaces in its name part (`--role-arn\u00a0arn:...`),
 * which a shell does not split at. The AWS CLI rejects such a word as an unknown option, so each
 * split is reported as an error. A piece that does not start with an ASCII hyphen is not split
 * further, because the CLI may read it as a value.
 */
export function splitOptionWord(word: ArgWord, lines: LineIndex, findings: Finding[]): ArgWord[] {
  const { value } = word;
  const pieces: ArgWord[] = [];
  let from = 0;
  while (value.startsWith('-', from)) {
    const equals = value.indexOf('=', from);
    const space = findLookalike(value, ['space'], from, equals === -1 ? value.length : equals);
    if (space === -1) break;

    // Findings of one code past the first 50 are dropped later, so a hostile word renders no more.
    if (pieces.length < 50) {
      // Messages show 80 characters of a value, so a longer copy of the rest would only cost memory.
      const written = value.slice(from, space + 200);
      const data = { kind: 'space', ...describeCharacter(value[space] ?? ''), written, before: value.slice(from, space) };
      findings.push(commandFinding({ code: 'OPTION_LOOKALIKE_CHARACTER', data, span: sourceSpan(lines, word, space, space + 1) }));
    }
    pieces.push(slice(word, from, space));
    from = space + 1;
  }
  if (from === 0) return [word];
  if (from < value.length) pieces.push(slice(word, from, value.length));
  return pieces;
}

function slice(word: ArgWord, from: number, to: number): ArgWord {
  const offsets = word.offsets.slice(from, to + 1);
  return { ...word, value: word.value.slice(from, to), offsets, start: offsets[0] ?? word.start, end: offsets[to - from] ?? word.end };
}

/**
 * Warns about a no-break space or invisible character in a value, which the AWS CLI sends as part
 * of it. The name part of an option word is left to `repairLookalikeOptions`.
 */
export function warnAboutLookalikes(word: ArgWord, lines: LineIndex, findings: Finding[]): void {
  const from = LEADING_DASHES.test(word.value) ? namePartLength(word.value) : 0;
  const index = findLookalike(word.value, ['space', 'invisible'], from);
  if (index === -1) return;
  const char = word.value[index] ?? '';
  const data = { kind: lookalikeKind(char), ...describeCharacter(char), value: word.value };
  findings.push(commandFinding({ code: 'SHELL_LOOKALIKE_CHARACTER', data, span: sourceSpan(lines, word, index, index + 1) }));
}

interface OptionRepair {
  word: ArgWord;
  /** The option name the word was meant to be, such as `--role-arn`. */
  name: string;
  /** Index in the old value of the character to report. */
  index: number;
  /** The leading dashes are wrong (one hyphen, or a dash that is not a hyphen), not the name. */
  leading: boolean;
}

/**
 * Reads an option word as its author evidently meant: leading dashes other than two ASCII
 * hyphens become `--`, and in the name part dashes become hyphens, full-width characters their
 * ASCII forms, and invisible characters nothing. Returns undefined when nothing changes, and for
 * three or more ASCII hyphens, which are a typing slip of another kind.
 */
function repairOptionWord(word: ArgWord): OptionRepair | undefined {
  const dashes = LEADING_DASHES.exec(word.value)?.[0] ?? '';
  const lookalikeDash = findLookalike(dashes, ['dash']);
  const leading = dashes === '-' || lookalikeDash !== -1;
  if (dashes === '' || (!leading && dashes !== '--')) return undefined;

  const nameEnd = namePartLength(word.value);
  const inName = findLookalike(word.value, ['dash', 'invisible', 'fullwidth'], dashes.length, nameEnd);
  if (!leading && inName === -1) return undefined;

  const withDashes = rebuild(word, 0, dashes.length, (_, i) => (i === 0 ? '--' : ''));
  const shift = withDashes.value.length - word.value.length;
  const repaired = rebuild(withDashes, 2, nameEnd + shift, asciiFor);
  const name = repaired.value.slice(0, namePartLength(repaired.value));
  const index = leading ? Math.max(lookalikeDash, 0) : inName;
  return { word: repaired, name, index, leading };
}

/** Returns whether `value` is an option of `table` that takes the next argument as its value. */
function takesNextArgument(table: OptionTable, value: string | undefined): boolean {
  const match = value === undefined ? undefined : table.match(value);
  if (!match || 'ambiguous' in match || !match.action || match.explicit !== undefined) return false;
  return match.action.nargs === 'one' || match.action.nargs === 'optional';
}

/**
 * Repairs the option words at `indexes` of argv that name an option of `table` once their
 * lookalike characters are replaced, and reports each. A word that does not start with an ASCII
 * hyphen is left alone after an option that takes a value, because the CLI reads it as that
 * value.
 */
export function repairLookalikeOptions(
  argv: ArgWord[], table: OptionTable, indexes: readonly number[], lines: LineIndex, findings: Finding[],
): void {
  for (let k = 0; k < indexes.length; k++) {
    const index = indexes[k] ?? -1;
    const word = argv[index];
    if (!word) continue;
    const repair = repairOptionWord(word);
    if (!repair || !table.hasOption(repair.name)) continue;
    if (!word.value.startsWith('-') && takesNextArgument(table, argv[indexes[k - 1] ?? -1]?.value)) continue;

    argv[index] = repair.word;
    const char = word.value[repair.index] ?? '-';
    const data = { ...describeCharacter(char), kind: lookalikeKind(char) ?? 'dash', written: word.value, option: repair.name };
    if (repair.leading) {
      const dashes = LEADING_DASHES.exec(word.value)?.[0] ?? '';
      const span = sourceSpan(lines, word, 0, dashes.length);
      findings.push(commandFinding({ code: 'OPTION_LOOKALIKE_DASH', data: { ...data, dashes }, span }));
    } else {
      findings.push(commandFinding({ code: 'OPTION_LOOKALIKE_CHARACTER', data, span: sourceSpan(lines, word, repair.index, repair.index + 1) }));
    }
  }
}

/** Returns the program name a word reads as once lookalikes are replaced, up to the first Unicode space. */
function programName(value: string): { name: string; space: number } {
  const space = findLookalike(value, ['space']);
  const head = space === -1 ? value : value.slice(0, space);
  const name = [...head].map((char) => (lookalikeKind(char) === 'fullwidth' || lookalikeKind(char) === 'invisible' ? asciiFor(char) : char)).join('');
  return { name: name.slice(name.lastIndexOf('/') + 1), space };
}

/** Returns whether a program word is `aws` written with full-width, invisible or Unicode space characters. */
export function isLookalikeAws(value: string): boolean {
  return programName(value).name === 'aws' && findLookalike(value, ['space', 'invisible', 'fullwidth']) !== -1;
}

/** Splits a word at every Unicode space in it, dropping empty pieces. */
function splitAtSpaces(word: ArgWord): ArgWord[] {
  const pieces: ArgWord[] = [];
  let from = 0;
  for (let space = findLookalike(word.value, ['space']); space !== -1; space = findLookalike(word.value, ['space'], from)) {
    if (space > from) pieces.push(slice(word, from, space));
    from = space + 1;
  }
  if (from < word.value.length) pieces.push(slice(word, from, word.value.length));
  return pieces;
}

/**
 * Reports a program word that `isLookalikeAws` accepts and returns the words written after aws
 * inside it, as in `aws\u00a0sts`, so that the command can be checked as the author meant.
 */
export function readLookalikeAws(word: ArgWord, lines: LineIndex, findings: Finding[]): ArgWord[] {
  const { space } = programName(word.value);
  const end = space === -1 ? word.value.length : space;
  const reported = space === -1 ? Math.max(0, findLookalike(word.value, ['fullwidth', 'invisible'])) : space;
  const char = word.value[reported] ?? '';
  const data = { ...describeCharacter(char), kind: lookalikeKind(char), program: word.value };
  const span = space === -1 ? sourceSpan(lines, word, 0, end) : sourceSpan(lines, word, space, space + 1);
  findings.push(commandFinding({ code: 'COMMAND_LOOKALIKE', data, span }));
  return splitAtSpaces(word).slice(1);
}
