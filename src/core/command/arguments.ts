/**
 * The operation's own arguments: the AWS CLI's third parser, then each parameter value loaded
 * from its file, unpacked, and checked against the model.
 */
import type { ParsedArg } from './argparse.ts';
import { pythonInt, pythonNumberValue } from './numbers.ts';
import { operationTable, type CliArgument } from './cli-table.ts';
import { checkCliInput } from './cli-input.ts';
import { isHomeFileReference, loadFiles } from './files.ts';
import { repairLookalikeOptions } from './lookalikes.ts';
import { flushUnpackIssues, validateMember } from './members.ts';
import { commandFinding, type CommandCodeName } from './messages.ts';
import type { ServiceModel } from './model.ts';
import { closeMatches, xformName } from './names.ts';
import { argumentSpan, inputMember, valueTexts, type Operation } from './operation.ts';
import { ParamValidator } from './params.ts';
import { MAX_FINDINGS_PER_CODE, parseStage, reportAbbreviationsAndRepeats, type CommandContext, type StageResult } from './stage.ts';
import { Unpacker } from './unpack.ts';
import { toPlain } from './values.ts';

/** botocore's bucket name check, run before an S3 request is built. */
const VALID_BUCKET = /^[a-zA-Z0-9.\-_]{1,255}$/;

const VALID_S3_ARN =
  /^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$|^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$/;


export function checkOperationArguments(
  context: CommandContext, model: ServiceModel, apiName: string, operationIndex: number, indexes: number[], globalNames: string[],
): void {
  const table = operationTable(model, apiName);
  // Repaired before the --cli-input-* test below reads the option names.
  repairLookalikeOptions(context.argv, table.options, indexes, context.lines, context.findings);
  const written = indexes.map((i) => context.argv[i]?.value ?? '');
  // awscli drops the required options when input comes from --cli-input-*, or when only a skeleton
  // is printed; `--generate-cli-skeleton output` keeps them because it validates the command.
  const skeleton = written.indexOf('--generate-cli-skeleton');
  // awscli's ArgTableArgParser also reads a lone `help` as help without parsing anything.
  const onlyHelp = written.length === 1 && written[0] === 'help';
  const ignoreRequired = onlyHelp ||
    written.includes('--cli-input-json') || written.includes('--cli-input-yaml') || (skeleton !== -1 && written[skeleton + 1] !== 'output');
  const stage = parseStage(context, table.options, indexes, false, undefined, ignoreRequired);
  // Unlike the required options above, the skeleton itself follows argparse, abbreviations included.
  const skeletonArg = stage.parsed.find((arg) => table.arguments.get(arg.action)?.meaning.kind === 'skeleton');
  const operation: Operation = {
    context, model, apiName, cliName: table.cliName, table,
    unpacker: new Unpacker(model), validator: new ParamValidator(model), values: new Map(), parts: new Map(),
    validates: !skeletonArg || skeletonArg.values[0] === 'output',
  };

  reportParseErrors(operation, stage, operationIndex);
  const help = reportExtras(operation, stage, globalNames);
  reportAbbreviationsAndRepeats(context, stage);
  // awscli shows the help page right after parsing, before it reads any value or file.
  if (help) return;

  const last = new Map<CliArgument, ParsedArg>();
  for (const arg of stage.parsed) {
    const argument = table.arguments.get(arg.action);
    if (argument) last.set(argument, arg);
  }
  for (const [argument, arg] of last) checkArgument(operation, argument, arg);
  checkCliInput(operation, last);
  checkPagination(operation, last);
  if (operation.validates) checkBucket(operation);
  for (const [member, value] of operation.values) context.result.parameters[member] = toPlain(value);
}

function reportParseErrors(operation: Operation, stage: StageResult, operationIndex: number): void {
  const { context } = operation;
  const push = (code: CommandCodeName, data: Record<string, unknown>, index: number): void => {
    context.findings.push(commandFinding({ code, data, span: context.wordSpan(index) }));
  };
  for (const error of stage.errors) {
    if (error.kind === 'required') {
      for (const action of error.missing) {
        const option = action.optionStrings[0] ?? action.dest;
        push('OPTION_REQUIRED_MISSING', { service: operation.model.cliName, operation: operation.cliName, option }, operationIndex);
      }
      continue;
    }
    const option = 'action' in error ? (error.action.optionStrings[0] ?? error.action.dest) : '';
    if (error.kind === 'ambiguous') push('OPTION_AMBIGUOUS', { option: context.argv[error.index]?.value, matches: error.matches }, error.index);
    else if (error.kind === 'expected-one') push('OPTION_VALUE_MISSING', { option }, error.index);
    else if (error.kind === 'ignored-explicit') push('OPTION_FLAG_VALUE', { option, value: error.value }, error.index);
    else if (error.kind === 'invalid-type') {
      push(error.action.type === 'float' ? 'VALUE_NOT_NUMBER' : 'VALUE_NOT_INTEGER', { option, value: error.value }, error.index);
    } else {
      const choices = error.action.choices ?? [];
      push('OPTION_INVALID_CHOICE', { option, value: error.value, choices, suggestions: closeMatches(error.value, choices, 0.6, 1) }, error.index);
    }
  }
}

/**
 * Reports unknown options and stray values, which the CLI lists as "Unknown options", and returns
 * whether the operation's help positional is `help`.
 */
function reportExtras(operation: Operation, stage: StageResult, globalNames: string[]): boolean {
  const { context, table } = operation;
  const help = stage.parsed.find((arg) => arg.action.dest === 'help');
  const strays = [...stage.extras];
  if (help?.valueIndexes[0] !== undefined) {
    if (help.values[0] === 'help') {
      context.findings.push(commandFinding({ code: 'COMMAND_HELP', span: context.wordSpan(help.valueIndexes[0]) }));
      return true;
    }
    strays.push(help.valueIndexes[0]);
  }
  if (strays.length === 0) return false;
  const names = [...table.parser.options.flatMap((action) => action.optionStrings), ...globalNames];
  // Only the first ones are reported (see MAX_FINDINGS_PER_CODE), so only those are worth matching.
  for (const index of strays.sort((a, b) => a - b).slice(0, MAX_FINDINGS_PER_CODE)) {
    const value = context.argv[index]?.value ?? '';
    const span = context.wordSpan(index);
    if (value.startsWith('-')) {
      const name = value.split('=', 1)[0] ?? value;
      const bare = name.replace(/^-+/, '');
      const transformed = `--${xformName(bare)}`;
      const suggestions = names.includes(transformed) && transformed !== name
        ? [transformed]
        : closeMatches(bare, names.map((candidate) => candidate.slice(2)), 0.6, 3).map((candidate) => `--${candidate}`);
      context.findings.push(commandFinding({
        code: 'OPTION_UNKNOWN', data: { service: operation.model.cliName, operation: operation.cliName, option: name, suggestions }, span,
      }));
    } else if (!(context.argv[index - 1]?.value.startsWith('-') && strays.includes(index - 1))) {
      // A value right after an unknown option belongs to it, and that option is reported already.
      const previous = stage.parsed.find((arg) => arg.valueIndexes.includes(index - 1) && arg.action.nargs === 'one');
      const data = { value, ...(previous ? { after: previous.optionString } : {}) };
      context.findings.push(commandFinding({ code: 'ARGUMENT_UNEXPECTED', data, span }));
    }
  }
  return false;
}

function checkArgument(operation: Operation, argument: CliArgument, arg: ParsedArg): void {
  const { context } = operation;
  const { meaning } = argument;
  if (meaning.kind === 'page' || meaning.kind === 'outfile' || meaning.kind === 'custom' || meaning.kind === 'skeleton') {
    const value = arg.action.nargs === 'zero' ? true : (arg.values[0] ?? (meaning.kind === 'skeleton' ? 'input' : undefined));
    const typed = typeof value === 'string' ? pythonNumberValue(value, arg.action.type) : value;
    if (typed !== undefined) context.result.globals[arg.action.dest] = typed;
    if (meaning.kind === 'skeleton') {
      context.findings.push(commandFinding({ code: 'COMMAND_SKELETON', data: { mode: value }, span: context.wordSpan(arg.optionIndex) }));
    }
    return;
  }
  if (meaning.kind !== 'member') return;
  const { member } = meaning;
  context.result.parameterSpans[member] = argumentSpan(context, arg);
  if (arg.action.nargs === 'zero') {
    operation.values.set(member, meaning.negated !== true);
    return;
  }
  const texts = valueTexts(context, arg);
  if (texts.length === 0 && arg.action.nargs !== 'any') return;
  if (texts.some((text) => text.kind === 'word' && text.word.unknown) && !isHomeFileReference(texts)) {
    operation.values.set(member, arg.action.nargs === 'any' ? texts.map((text) => text.text) : (texts[0]?.text ?? ''));
    return;
  }
  const option = arg.optionString;
  const loaded = loadFiles(operation, member, option, texts, meaning.shape);
  if (!loaded) return;

  const memberRef = inputMember(operation, member);
  const jsonValue = typeof memberRef === 'object' && memberRef.jsonValue === true;
  const input = arg.action.nargs === 'any' && !(loaded.length === 1 && loaded !== texts) ? loaded : loaded[0];
  if (!input) return;
  const unpacked = operation.unpacker.unpack(meaning.shape, input, jsonValue);
  flushUnpackIssues(operation, member, option);
  if (!unpacked) return;

  operation.values.set(member, unpacked.value);
  operation.parts.set(member, unpacked.parts);
  validateMember(operation, member, option, meaning.shape, unpacked);
}

/** Applies awscli's pagination rules: `--no-paginate`, or a manual page token, excludes the paging options. */
function checkPagination(operation: Operation, last: Map<CliArgument, ParsedArg>): void {
  const { context, model, apiName } = operation;
  const paginator = model.operations[apiName]?.paginator;
  if (!paginator) return;
  const manualToken = paginator.inputTokens.some((token) => operation.values.has(token));
  if (context.result.globals['no-paginate'] !== true && !manualToken) return;

  const conflicting: string[] = [];
  for (const [argument, arg] of last) {
    if (argument.meaning.kind !== 'page') continue;
    const { shadows } = argument.meaning;
    const value = arg.values[0];
    if (shadows && value !== undefined) {
      operation.values.set(shadows, pythonInt(value) ?? BigInt(Math.trunc(Number(value)) || 0));
      delete context.result.globals[arg.action.dest];
    } else if (value) {
      conflicting.push(arg.optionString);
    }
  }
  if (conflicting.length) {
    const first = [...last].find(([argument]) => argument.meaning.kind === 'page' && !argument.meaning.shadows)?.[1];
    context.findings.push(commandFinding({ code: 'PAGINATION_CONFLICT', data: { options: conflicting }, span: context.wordSpan(first?.optionIndex ?? -1) }));
  }
}

function checkBucket(operation: Operation): void {
  const bucket = operation.values.get('Bucket');
  if (operation.model.serviceName !== 's3' || typeof bucket !== 'string') return;
  if (VALID_BUCKET.test(bucket) || VALID_S3_ARN.test(bucket)) return;
  const span = operation.context.result.parameterSpans.Bucket;
  operation.context.findings.push(commandFinding({ code: 'BUCKET_NAME_INVALID', data: { value: bucket, parameter: 'Bucket', option: '--bucket' }, ...(span ? { span } : {}), path: '--bucket' }));
}
