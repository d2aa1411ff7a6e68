/**
 * One run of an AWS CLI argument parser over part of the command's arguments, with the state
 * shared by the stages of one validation and the reports common to them.
 */
import type { Finding } from '../findings.ts';
import { parseKnownArgs, type OptionTable, type ParseError, type ParseResult } from './argparse.ts';
import type { ArgWord, LineIndex } from './locate.ts';
import { repairLookalikeOptions } from './lookalikes.ts';
import { commandFinding, type CommandCodeName } from './messages.ts';
import { closeMatches, xformName } from './names.ts';
import type { CommandValidation, ValidateCommandOptions } from './types.ts';

/** Findings of one code beyond this many are dropped, so that hostile input stays readable and fast. */
export const MAX_FINDINGS_PER_CODE = 50;

/** Shared state of one validation. */
export interface CommandContext {
  text: string;
  lines: LineIndex;
  argv: ArgWord[];
  options: ValidateCommandOptions;
  findings: Finding[];
  result: CommandValidation;
  /** Span of `argv[index]` in the command text. */
  wordSpan(index: number): ReturnType<LineIndex['span']>;
}

/** A parse result whose indexes point into `argv`. */
export interface StageResult extends ParseResult {
  indexes: number[];
}

export interface StageNames {
  service: string;
  serviceIndex: number;
  operations: string[];
  apiNames: Map<string, string>;
}

/**
 * Parses the arguments at `indexes` of argv. With `report` set it reports the errors of the global
 * parser, or of the service parser when `names` is given. The operation parser's errors are
 * reported by arguments.ts, because they need the operation's names.
 */
export function parseStage(
  context: CommandContext, table: OptionTable, indexes: number[], report: boolean, names?: StageNames, ignoreRequired = false,
): StageResult {
  repairLookalikeOptions(context.argv, table, indexes, context.lines, context.findings);
  const values = indexes.map((i) => context.argv[i]?.value ?? '');
  const parsed = parseKnownArgs(table, values, ignoreRequired);
  const toArgv = (i: number): number => (i === -1 ? -1 : (indexes[i] ?? -1));
  // The parse result is fresh, so its indexes are rewritten in place to point into argv.
  for (const arg of parsed.parsed) {
    arg.optionIndex = toArgv(arg.optionIndex);
    for (let k = 0; k < arg.valueIndexes.length; k++) arg.valueIndexes[k] = toArgv(arg.valueIndexes[k] ?? -1);
  }
  for (let k = 0; k < parsed.extras.length; k++) parsed.extras[k] = toArgv(parsed.extras[k] ?? -1);
  for (const error of parsed.errors) if ('index' in error) error.index = toArgv(error.index);
  const result: StageResult = { indexes, ...parsed };
  if (report) {
    for (const error of result.errors) reportStageError(context, error, names);
    reportAbbreviationsAndRepeats(context, result);
  }
  return result;
}

/** Reports the errors of the global and the service parser; the operation parser's are in arguments.ts. */
function reportStageError(context: CommandContext, error: ParseError, names: StageNames | undefined): void {
  const push = (code: CommandCodeName, data: Record<string, unknown>, index: number): void => {
    context.findings.push(commandFinding({ code, data, span: context.wordSpan(index) }));
  };
  if (error.kind === 'required') {
    if (names) push('OPERATION_MISSING', { service: names.service, example: names.operations[0] }, names.serviceIndex);
    else push('SERVICE_MISSING', {}, -1);
    return;
  }
  const option = 'action' in error ? (error.action.optionStrings[0] ?? error.action.dest) : '';
  switch (error.kind) {
    case 'ambiguous':
      return push('OPTION_AMBIGUOUS', { option: context.argv[error.index]?.value, matches: error.matches }, error.index);
    case 'expected-one':
      return push('OPTION_VALUE_MISSING', { option }, error.index);
    case 'ignored-explicit':
      return push('OPTION_FLAG_VALUE', { option, value: error.value }, error.index);
    case 'invalid-type':
      return push('VALUE_NOT_INTEGER', { option, value: error.value }, error.index);
    case 'invalid-choice':
      return reportInvalidChoice(context, error, names, push);
  }
}

function reportInvalidChoice(
  context: CommandContext,
  error: Extract<ParseError, { kind: 'invalid-choice' }>,
  names: StageNames | undefined,
  push: (code: CommandCodeName, data: Record<string, unknown>, index: number) => void,
): void {
  const choices = error.action.choices ?? [];
  if (error.action.dest === 'command') {
    push('SERVICE_UNKNOWN', { service: error.value, suggestions: closeMatches(error.value.toLowerCase(), choices, 0.6, 3) }, error.index);
  } else if (error.action.dest === 'operation' && names) {
    // An API name (AssumeRole) or a snake_case name (assume_role) has exactly one right spelling.
    const exact = [xformName(error.value), error.value.replaceAll('_', '-').toLowerCase()].find((name) => choices.includes(name));
    const suggestions = exact ? [exact] : closeMatches(error.value.toLowerCase(), names.operations, 0.6, 3);
    push('OPERATION_UNKNOWN', { service: names.service, operation: error.value, suggestions }, error.index);
  } else {
    const option = error.action.optionStrings[0] ?? error.action.dest;
    push('OPTION_INVALID_CHOICE', { option, value: error.value, choices, suggestions: closeMatches(error.value, choices, 0.6, 1) }, error.index);
  }
  void context;
}

/** Reports abbreviated option names, which the CLI accepts, and options given more than once. */
export function reportAbbreviationsAndRepeats(context: CommandContext, stage: StageResult): void {
  const seen = new Set<string>();
  let reported = 0;
  for (const arg of stage.parsed) {
    // Past the limit of findings per code there is nothing more to report.
    if (reported > 2 * MAX_FINDINGS_PER_CODE) break;
    if (arg.optionIndex === -1) continue;
    const written = context.argv[arg.optionIndex]?.value ?? '';
    const name = arg.explicit === undefined ? written : written.slice(0, written.length - arg.explicit.length - 1);
    const span = context.wordSpan(arg.optionIndex);
    if (name !== arg.optionString) {
      context.findings.push(commandFinding({ code: 'OPTION_ABBREVIATED', data: { written: name, option: arg.optionString }, span }));
      reported += 1;
    }
    if (seen.has(arg.action.dest)) {
      context.findings.push(commandFinding({ code: 'OPTION_REPEATED', data: { option: arg.optionString }, span }));
      reported += 1;
    }
    seen.add(arg.action.dest);
  }
}
