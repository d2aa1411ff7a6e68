/**
 * The command validator: runs a command text through the shell's word splitting and the AWS
 * CLI's three argument parsers, then checks each parameter value against the service model.
 */
import { applySeverityOverrides, compareFindings, isError, type Finding } from '../findings.ts';
import { OptionTable } from './argparse.ts';
import { pythonNumberValue } from './numbers.ts';
import { checkOperationArguments } from './arguments.ts';
import { globalParser, serviceParser } from './cli-table.ts';
import { LineIndex } from './locate.ts';
import { repairLookalikeOptions } from './lookalikes.ts';
import { commandFinding } from './messages.ts';
import type { ServiceModel } from './model.ts';
import { xformName } from './names.ts';
import { CLI_SERVICES, CUSTOM_OPERATIONS, SERVICE_MODELS } from './registry.ts';
import { runShellStage } from './shell-stage.ts';
import { MAX_FINDINGS_PER_CODE, parseStage, type CommandContext, type StageResult } from './stage.ts';
import type { CommandValidation, ValidateCommandOptions } from './types.ts';

const GLOBAL_TABLE = new OptionTable(globalParser(CLI_SERVICES));

const GLOBAL_OPTION_NAMES = GLOBAL_TABLE.parser.options.flatMap((action) => action.optionStrings);

/** Validates one AWS CLI command. Problems, and exceptions of the validator itself, are returned as findings. */
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
  // Repaired before the version test, so that `—version` is read as --version too.
  repairLookalikeOptions(argv, GLOBAL_TABLE, all, lines, findings);
  // argparse's version action prints the version and exits as soon as it is parsed.
  const version = argv.findIndex((word) => isVersionOption(word.value));
  if (version !== -1) {
    result.globals.version = true;
    findings.push(commandFinding({ code: 'COMMAND_VERSION', span: context.wordSpan(version) }));
    return;
  }
  const globals = parseStage(context, GLOBAL_TABLE, all, true);
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
  const stage2 = parseStage(context, serviceTable, globals.extras, true, { service: service.value, serviceIndex: service.index, operations, apiNames });
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

function isVersionOption(arg: string): boolean {
  const match = GLOBAL_TABLE.match(arg);
  return match !== undefined && 'optionString' in match && match.action?.dest === 'version';
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
    const typed = typeof value === 'string' ? pythonNumberValue(value, action.type) : value;
    if (typed !== undefined) context.result.globals[action.dest] = typed;
  }
}
