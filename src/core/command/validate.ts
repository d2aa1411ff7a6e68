/**
 * The command validator: runs a command text through the shell's word splitting and the AWS
 * CLI's three argument parsers, then checks each parameter value against the service model.
 */
import { applySeverityOverrides, compareFindings, isError, type Finding } from '../findings.ts';
import { OptionTable, parseKnownArgs, type ParseError, type ParseResult } from './argparse.ts';
import { globalParser, operationTable, serviceParser } from './cli-table.ts';
import { LineIndex, type ArgWord } from './locate.ts';
import { commandFinding, type CommandCodeName } from './messages.ts';
import { closeMatches, xformName } from './names.ts';
import { checkOperationArguments } from './arguments.ts';
import { CLI_SERVICES, CUSTOM_OPERATIONS, SERVICE_MODELS } from './registry.ts';
import { runShellStage } from './shell-stage.ts';
import type { CommandValidation, ValidateCommandOptions } from './types.ts';
import type { ServiceModel } from './model.ts';

/** Findings of one code beyond this many are dropped, so that hostile input stays readable and fast. */
export const MAX_FINDINGS_PER_CODE = 50;

const GLOBAL_TABLE = new OptionTable(globalParser(CLI_SERVICES));
const GLOBAL_OPTION_NAMES = GLOBAL_TABLE.parser.options.flatMap((action) => action.optionStrings);

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

/** Validates one AWS CLI command. Never throws: problems are returned as findings. */
export function validateCommand(text: string, options: ValidateCommandOptions = {}): CommandValidation {
  const source = typeof text === 'string' ? text : '';
  const result: CommandValidation = {
    valid: false, parameters: {}, parameterSpans: {}, globals: {}, fileReferences: [], findings: [],
  };
  try {
    run(source, options, result);
  } catch {
    // An exception here is a bug in the validator; the learner still gets a result instead of a crash.
    result.findings.push(commandFinding({ code: 'INTERNAL_ERROR', span: { line: 1, column: 1, endLine: 1, endColumn: 1 } }));
  }
  result.findings = limitFindings(applySeverityOverrides(result.findings, options.overrides)).sort(compareFindings);
  result.valid = !result.findings.some(isError);
  return result;
}

function limitFindings(findings: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  return findings.filter((finding) => {
    const count = (counts.get(finding.code) ?? 0) + 1;
    counts.set(finding.code, count);
    return count <= MAX_FINDINGS_PER_CODE;
  });
}

function run(text: string, options: ValidateCommandOptions, result: CommandValidation): void {
  const lines = new LineIndex(text);
  const findings = result.findings;
  const shell = runShellStage(text, lines, options.variables ?? {}, findings);
  if (!shell.argv) return;
  const argv = shell.argv;
  const context: CommandContext = {
    text, lines, argv, options, findings, result,
    wordSpan: (index) => {
      const word = argv[index];
      return word ? lines.span(word.start, word.end) : lines.span(shell.programSpan?.[0] ?? 0, shell.programSpan?.[1] ?? 0);
    },
  };

  const all = argv.map((_, i) => i);
  const globals = parseStage(context, GLOBAL_TABLE, all);
  recordGlobals(context, globals);
  const service = positionalValue(globals, 'command');
  if (service === undefined) return;
  if (service.value === 'help') {
    findings.push(commandFinding({ code: 'COMMAND_HELP', span: context.wordSpan(service.index) }));
    return;
  }
  const model = SERVICE_MODELS[service.value];
  if (!model) {
    findings.push(commandFinding({ code: 'SERVICE_NOT_MODELLED', data: { service: service.value }, span: context.wordSpan(service.index) }));
    return;
  }
  result.service = service.value;

  const { apiNames, operations, serviceTable } = serviceTables(model);
  const stage2 = parseStage(context, serviceTable, globals.extras, { service: service.value, serviceIndex: service.index, operations, apiNames });
  const operation = positionalValue(stage2, 'operation');
  if (operation === undefined) return;
  if (operation.value === 'help') {
    findings.push(commandFinding({ code: 'COMMAND_HELP', span: context.wordSpan(operation.index) }));
    return;
  }
  const apiName = apiNames.get(operation.value);
  if (!apiName) {
    findings.push(commandFinding({ code: 'OPERATION_NOT_MODELLED', data: { operation: operation.value }, span: context.wordSpan(operation.index) }));
    return;
  }
  result.operation = apiName;
  checkOperationArguments(context, model, apiName, operation.index, stage2.extras, GLOBAL_OPTION_NAMES);
}

interface ServiceTables {
  /** API operation names by CLI name. */
  apiNames: Map<string, string>;
  /** CLI operation names, the CLI's own commands included. */
  operations: string[];
  serviceTable: OptionTable;
}

const serviceTableCache = new WeakMap<ServiceModel, ServiceTables>();

/** Builds the operation names of a service once, because transforming them costs more than a validation. */
function serviceTables(model: ServiceModel): ServiceTables {
  let tables = serviceTableCache.get(model);
  if (!tables) {
    const apiNames = new Map(Object.keys(model.operations).map((name) => [xformName(name), name]));
    const operations = [...apiNames.keys(), ...(CUSTOM_OPERATIONS[model.cliName] ?? [])];
    tables = { apiNames, operations, serviceTable: new OptionTable(serviceParser(operations)) };
    serviceTableCache.set(model, tables);
  }
  return tables;
}

/** A parse result whose indexes point into `argv`. */
export interface StageResult extends ParseResult {
  indexes: number[];
}

interface StageNames {
  service: string;
  serviceIndex: number;
  operations: string[];
  apiNames: Map<string, string>;
}

/** Parses the arguments at `indexes` of argv and reports the parser's errors. */
export function parseStage(
  context: CommandContext, table: OptionTable, indexes: number[], names?: StageNames, ignoreRequired = false,
): StageResult {
  const values = indexes.map((i) => context.argv[i]?.value ?? '');
  const parsed = parseKnownArgs(table, values, ignoreRequired);
  const toArgv = (i: number): number => indexes[i] ?? -1;
  const result: StageResult = {
    indexes,
    parsed: parsed.parsed.map((arg) => ({ ...arg, optionIndex: toArgv(arg.optionIndex), valueIndexes: arg.valueIndexes.map((i) => (i === -1 ? -1 : toArgv(i))) })),
    extras: parsed.extras.map(toArgv),
    errors: parsed.errors.map((error) => ('index' in error ? { ...error, index: toArgv(error.index) } : error)),
  };
  if (names !== undefined || table === GLOBAL_TABLE) {
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
    const transformed = xformName(error.value);
    const suggestions = choices.includes(transformed)
      ? [transformed]
      : closeMatches(error.value.toLowerCase(), names.operations, 0.6, 3);
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

function positionalValue(stage: StageResult, dest: string): { value: string; index: number } | undefined {
  const arg = stage.parsed.find((candidate) => candidate.action.dest === dest);
  const index = arg?.valueIndexes[0];
  if (!arg || index === undefined || stage.errors.some((error) => error.kind === 'invalid-choice' && error.action === arg.action)) {
    return undefined;
  }
  return { value: arg.values[0] ?? '', index };
}

function recordGlobals(context: CommandContext, stage: StageResult): void {
  for (const arg of stage.parsed) {
    if (arg.optionIndex === -1) continue;
    const { action } = arg;
    const value = action.nargs === 'zero' ? true : arg.values[0];
    if (value === undefined) continue;
    context.result.globals[action.dest] = action.type === 'int' && typeof value === 'string' ? Number(value.trim().replaceAll('_', '')) : value;
  }
}
