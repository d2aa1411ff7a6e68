/**
 * A model of Python's argparse (3.11) `parse_known_args`, which the AWS CLI runs three times: for
 * the global options, for the service's operation name, and for the operation's own options.
 * It classifies each argument as an option or a positional and matches unambiguous prefixes of
 * option names (`allow_abbrev`). It consumes option values by `nargs`, converts `int` and
 * `float` values, checks choices and required arguments, and returns what it did not recognise
 * as extras. Unlike argparse it does not stop at the first error, so that every problem is
 * reported.
 */

import { isPythonNumber } from './numbers.ts';

export type Nargs = 'one' | 'optional' | 'any' | 'zero';

export interface ArgAction {
  /** Key of the parsed value: the option name without dashes, or the positional's name. */
  dest: string;
  /** `--role-arn`; empty for a positional. */
  optionStrings: readonly string[];
  nargs: Nargs;
  required?: boolean;
  choices?: readonly string[];
  type?: 'int' | 'float';
}

export interface ArgParser {
  options: readonly ArgAction[];
  positionals: readonly ArgAction[];
}

export interface ParsedArg {
  action: ArgAction;
  /** The option name matched, which differs from what was written when it was abbreviated. */
  optionString: string;
  /** Index in the parsed argument list of the option itself; -1 for positionals. */
  optionIndex: number;
  /** Indexes of the values; -1 marks a value written after `=` in the option's own argument. */
  valueIndexes: number[];
  values: string[];
  /** Text after `=` in `--name=value`. */
  explicit?: string;
}

export type ParseError =
  | { kind: 'ambiguous'; index: number; matches: string[] }
  | { kind: 'expected-one'; index: number; action: ArgAction }
  | { kind: 'ignored-explicit'; index: number; action: ArgAction; value: string }
  | { kind: 'invalid-choice'; index: number; action: ArgAction; value: string }
  | { kind: 'invalid-type'; index: number; action: ArgAction; value: string }
  | { kind: 'required'; missing: ArgAction[] };

export interface ParseResult {
  parsed: ParsedArg[];
  /** Indexes of unrecognised options and surplus positionals, in order. */
  extras: number[];
  errors: ParseError[];
}

interface OptionMatch {
  action?: ArgAction;
  optionString: string;
  explicit?: string;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** An argparse parser's lookup table from option strings to actions. */
export class OptionTable {
  private readonly byName = new Map<string, ArgAction>();
  /** The option names that start with each prefix of an option name, for abbreviations. */
  private readonly byPrefix = new Map<string, string[]>();
  /** The required options and positionals, in the order argparse lists them. */
  readonly required: readonly ArgAction[];

  constructor(readonly parser: ArgParser) {
    for (const action of parser.options) {
      for (const name of action.optionStrings) this.byName.set(name, action);
    }
    for (const name of this.byName.keys()) {
      for (let length = 3; length <= name.length; length++) {
        const prefix = name.slice(0, length);
        const names = this.byPrefix.get(prefix);
        if (names) names.push(name);
        else this.byPrefix.set(prefix, [name]);
      }
    }
    this.required = [...parser.options, ...parser.positionals].filter((action) => action.required);
  }

  /** Returns whether `name` is one of the parser's option strings, written in full. */
  hasOption(name: string): boolean {
    return this.byName.has(name);
  }

  /** Classifies one argument as argparse's `_parse_optional` does; undefined means positional. */
  match(arg: string): OptionMatch | { ambiguous: string[] } | undefined {
    if (!arg.startsWith('-')) return undefined;
    const exact = this.byName.get(arg);
    if (exact) return { action: exact, optionString: arg };
    if (arg.length === 1) return undefined;

    const equals = arg.indexOf('=');
    if (equals !== -1) {
      const action = this.byName.get(arg.slice(0, equals));
      if (action) return { action, optionString: arg.slice(0, equals), explicit: arg.slice(equals + 1) };
    }
    if (arg.startsWith('--')) {
      const prefix = equals === -1 ? arg : arg.slice(0, equals);
      const explicit = equals === -1 ? undefined : arg.slice(equals + 1);
      // `--` alone is a prefix of every option, but argparse reads it as the end of the options.
      const matches = prefix.length > 2 ? this.byPrefix.get(prefix) : undefined;
      if (matches && matches.length > 1) return { ambiguous: [...matches] };
      const only = matches?.[0];
      if (only) return { action: this.byName.get(only), optionString: only, ...(explicit === undefined ? {} : { explicit }) };
    }
    if (NEGATIVE_NUMBER.test(arg)) return undefined;
    if (arg.includes(' ')) return undefined;
    return { optionString: arg };
  }
}

type Slot = { kind: 'A' } | { kind: 'O'; match: OptionMatch } | { kind: '--' };
const POSITIONAL: Slot = { kind: 'A' };

/**
 * Parses `args` as argparse's `parse_known_args` does, collecting every error. `ignoreRequired`
 * skips the required-argument check, as awscli does when `--cli-input-json` is given.
 */
export function parseKnownArgs(table: OptionTable, args: readonly string[], ignoreRequired = false): ParseResult {
  const errors: ParseError[] = [];
  const slots = classify(table, args, errors);
  const parsed: ParsedArg[] = [];
  const extras: number[] = [];
  const positionals = [...table.parser.positionals];
  const seen = new Set<ArgAction>();

  let i = 0;
  while (i < slots.length) {
    const slot = slots[i];
    if (slot?.kind === 'O') {
      i = consumeOption(table, args, slots, i, slot.match, { parsed, extras, errors, seen });
      continue;
    }
    if (slot?.kind === '--') {
      i += 1;
      continue;
    }
    const run: number[] = [];
    let end = i;
    while (slots[end]?.kind === 'A') run.push(end++);
    assignPositionals(positionals, run, args, { parsed, extras, errors, seen });
    i = end;
  }

  const missing = ignoreRequired ? [] : table.required.filter((action) => !seen.has(action));
  if (missing.length) errors.push({ kind: 'required', missing });
  return { parsed, extras, errors };
}

function classify(table: OptionTable, args: readonly string[], errors: ParseError[]): Slot[] {
  const slots: Slot[] = [];
  let positionalOnly = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (positionalOnly) {
      slots.push(POSITIONAL);
    } else if (arg === '--') {
      positionalOnly = true;
      slots.push({ kind: '--' });
    } else {
      const match = table.match(arg);
      if (match && 'ambiguous' in match) {
        errors.push({ kind: 'ambiguous', index, matches: match.ambiguous });
        slots.push({ kind: 'O', match: { optionString: arg } });
      } else {
        slots.push(match ? { kind: 'O', match } : POSITIONAL);
      }
    }
  }
  return slots;
}

interface ParseState {
  parsed: ParsedArg[];
  extras: number[];
  errors: ParseError[];
  seen: Set<ArgAction>;
}

function consumeOption(
  table: OptionTable, args: readonly string[], slots: Slot[], index: number, match: OptionMatch, state: ParseState,
): number {
  const { action } = match;
  if (!action) {
    state.extras.push(index);
    return index + 1;
  }
  state.seen.add(action);
  const result: ParsedArg = { action, optionString: match.optionString, optionIndex: index, valueIndexes: [], values: [] };
  let next = index + 1;

  if (match.explicit !== undefined) {
    result.explicit = match.explicit;
    if (action.nargs === 'zero') {
      state.errors.push({ kind: 'ignored-explicit', index, action, value: match.explicit });
    } else {
      result.valueIndexes.push(-1);
      result.values.push(match.explicit);
    }
  } else if (action.nargs !== 'zero') {
    const limit = action.nargs === 'any' ? Infinity : 1;
    while (result.values.length < limit && slots[next]?.kind === 'A') {
      result.valueIndexes.push(next);
      result.values.push(args[next] ?? '');
      next += 1;
    }
    if (action.nargs === 'one' && result.values.length === 0) {
      state.errors.push({ kind: 'expected-one', index, action });
    }
  }
  checkValues(action, result, index, state.errors);
  state.parsed.push(result);
  return next;
}

function assignPositionals(queue: ArgAction[], run: number[], args: readonly string[], state: ParseState): void {
  let k = 0;
  while (queue.length && k < run.length) {
    const action = queue.shift();
    if (!action) break;
    const take = action.nargs === 'any' ? run.length - k : 1;
    const valueIndexes = run.slice(k, k + take);
    k += take;
    state.seen.add(action);
    const result: ParsedArg = {
      action, optionString: action.dest, optionIndex: -1, valueIndexes, values: valueIndexes.map((i) => args[i] ?? ''),
    };
    checkValues(action, result, valueIndexes[0] ?? -1, state.errors);
    state.parsed.push(result);
  }
  // A loop, not push(...spread): a spread passes each item as an argument, and 100,000 words
  // exceed the engine's limit on arguments.
  for (; k < run.length; k++) state.extras.push(run[k] ?? -1);
}

const choiceSets = new WeakMap<readonly string[], Set<string>>();

/** Returns the choices as a set, built once per list, because the CLI's service list is long. */
function choiceSet(choices: readonly string[]): Set<string> {
  let set = choiceSets.get(choices);
  if (!set) {
    set = new Set(choices);
    choiceSets.set(choices, set);
  }
  return set;
}

function checkValues(action: ArgAction, result: ParsedArg, optionIndex: number, errors: ParseError[]): void {
  result.values.forEach((value, k) => {
    const valueIndex = result.valueIndexes[k] ?? -1;
    const index = valueIndex === -1 ? optionIndex : valueIndex;
    if (action.type && !isPythonNumber(value, action.type)) {
      errors.push({ kind: 'invalid-type', index, action, value });
    } else if (action.choices && !choiceSet(action.choices).has(value)) {
      errors.push({ kind: 'invalid-choice', index, action, value });
    }
  });
}
