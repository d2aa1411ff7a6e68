/**
 * The operation's own arguments: the AWS CLI's third parser, then each parameter value loaded
 * from its file, unpacked, and checked against the model, with policy documents checked by the
 * policy validator.
 */
import type { Finding } from '../findings.ts';
import { validatePolicy, type PolicyKind } from '../policy/index.ts';
import { isPythonNumber, type ParsedArg } from './argparse.ts';
import { operationTable, type CliArgument, type OperationTable } from './cli-table.ts';
import { locateValue, offsetOf, type ValueText } from './locate.ts';
import { commandFinding, type CommandCodeName } from './messages.ts';
import { memberShape, type Member, type ServiceModel } from './model.ts';
import { closeMatches, xformName } from './names.ts';
import { parseJson } from './json.ts';
import { ParamValidator, type ParamIssue } from './params.ts';
import { Unpacker, type Unpacked } from './unpack.ts';
import { isDict, toPlain, type PyValue } from './values.ts';
import { MAX_FINDINGS_PER_CODE, parseStage, reportAbbreviationsAndRepeats, type CommandContext, type StageResult } from './validate.ts';

/** botocore's bucket name check, run before an S3 request is built. */
const VALID_BUCKET = /^[a-zA-Z0-9.\-_]{1,255}$/;
const VALID_S3_ARN =
  /^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$|^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$/;
const CLI_INPUT_OPTIONS = ['--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton'];
const FILE_NAME = /^[\w.\/-]+\.(?:json|txt|policy)$/i;

interface Operation {
  context: CommandContext;
  model: ServiceModel;
  apiName: string;
  cliName: string;
  table: OperationTable;
  unpacker: Unpacker;
  validator: ParamValidator;
  /** Parameter values before conversion to plain data. */
  values: Map<string, PyValue>;
  /** Locations of each parameter's parts. */
  parts: Map<string, Unpacked['parts']>;
}

export function checkOperationArguments(
  context: CommandContext, model: ServiceModel, apiName: string, operationIndex: number, indexes: number[], globalNames: string[],
): void {
  const table = operationTable(model, apiName);
  const written = indexes.map((i) => context.argv[i]?.value ?? '');
  const ignoreRequired = CLI_INPUT_OPTIONS.some((name) => written.includes(name));
  const stage = parseStage(context, table.options, indexes, undefined, ignoreRequired);
  const operation: Operation = {
    context, model, apiName, cliName: table.cliName, table,
    unpacker: new Unpacker(model), validator: new ParamValidator(model), values: new Map(), parts: new Map(),
  };

  reportParseErrors(operation, stage, operationIndex);
  reportExtras(operation, stage, globalNames);
  reportAbbreviationsAndRepeats(context, stage);

  const last = new Map<CliArgument, ParsedArg>();
  for (const arg of stage.parsed) {
    const argument = table.arguments.get(arg.action);
    if (argument) last.set(argument, arg);
  }
  for (const [argument, arg] of last) checkArgument(operation, argument, arg);
  checkCliInput(operation, last);
  checkPagination(operation, last);
  checkBucket(operation);
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

/** Reports unknown options and stray values, which the CLI lists as "Unknown options". */
function reportExtras(operation: Operation, stage: StageResult, globalNames: string[]): void {
  const { context, table } = operation;
  const help = stage.parsed.find((arg) => arg.action.dest === 'help');
  const strays = [...stage.extras];
  if (help?.valueIndexes[0] !== undefined) {
    if (help.values[0] === 'help') {
      context.findings.push(commandFinding({ code: 'COMMAND_HELP', span: context.wordSpan(help.valueIndexes[0]) }));
    } else {
      strays.push(help.valueIndexes[0]);
    }
  }
  if (strays.length === 0) return;
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
    } else {
      const previous = stage.parsed.find((arg) => arg.valueIndexes.includes(index - 1) && arg.action.nargs === 'one');
      const data = { value, ...(previous ? { after: previous.optionString } : {}) };
      context.findings.push(commandFinding({ code: 'ARGUMENT_UNEXPECTED', data, span }));
    }
  }
}

/** Returns the texts of an argument's values, each with its place in the command. */
function valueTexts(context: CommandContext, arg: ParsedArg): ValueText[] {
  return arg.values.map((text, k) => {
    const index = arg.valueIndexes[k] ?? -1;
    const wordIndex = index === -1 ? arg.optionIndex : index;
    const word = context.argv[wordIndex] ?? { value: text, offsets: new Int32Array(text.length + 1), start: 0, end: 0, unknown: false };
    return { text, kind: 'word' as const, word, shift: index === -1 ? word.value.length - text.length : 0 };
  });
}

function argumentSpan(context: CommandContext, arg: ParsedArg) {
  const indexes = arg.valueIndexes.map((i) => (i === -1 ? arg.optionIndex : i));
  const first = context.argv[indexes[0] ?? arg.optionIndex];
  const last = context.argv[indexes.at(-1) ?? arg.optionIndex];
  if (!first || !last) return context.wordSpan(arg.optionIndex);
  if (indexes[0] === arg.optionIndex && arg.explicit !== undefined) {
    const start = first.offsets[first.value.length - arg.explicit.length] ?? first.start;
    return context.lines.span(start, first.end);
  }
  return context.lines.span(first.start, last.end);
}

function checkArgument(operation: Operation, argument: CliArgument, arg: ParsedArg): void {
  const { context } = operation;
  const { meaning } = argument;
  if (meaning.kind === 'page' || meaning.kind === 'outfile' || meaning.kind === 'custom' || meaning.kind === 'skeleton') {
    const value = arg.action.nargs === 'zero' ? true : arg.values[0];
    const valid = typeof value !== 'string' || !arg.action.type || isPythonNumber(value, arg.action.type);
    if (value !== undefined && valid) {
      context.result.globals[arg.action.dest] = arg.action.type === 'int' && typeof value === 'string' ? Number(value.trim().replaceAll('_', '')) : value;
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
  if (texts.some((text) => text.kind === 'word' && text.word.unknown)) {
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

function inputMember(operation: Operation, member: string): Member | undefined {
  const input = operation.model.shapes[operation.model.operations[operation.apiName]?.input ?? ''];
  return input?.type === 'structure' && Object.hasOwn(input.members, member) ? input.members[member] : undefined;
}

/** Loads `file://` and `fileb://` values as awscli's paramfile handler does; undefined stops the checks. */
function loadFiles(operation: Operation, member: string, option: string, texts: ValueText[], shapeName: string): ValueText[] | undefined {
  const { context } = operation;
  const shape = operation.model.shapes[shapeName];
  const ref = inputMember(operation, member);
  const streaming = shape?.type === 'blob' && (shape.streaming === true || (typeof ref === 'object' && ref.streaming === true));
  if (streaming) return checkStreamingBody(operation, member, option, texts);
  const only = texts.length === 1 ? texts[0] : undefined;
  const match = only ? /^(fileb?):\/\//.exec(only.text) : null;
  if (!only || !match) return texts;

  const scheme = match[1] === 'fileb' ? 'fileb' : 'file';
  const written = only.text.slice(match[0].length);
  const path = written.replace(/^(?:\.\/)+/, '');
  const span = argumentSpanOf(context, only);
  const provider = context.options.files;
  const content = provider ? safeRead(provider, written, scheme) : undefined;
  context.result.fileReferences.push({ parameter: member, scheme, path, found: content !== undefined });
  const data = { parameter: member, option, file: path };
  if (!provider) {
    context.findings.push(commandFinding({ code: 'FILE_NOT_READ', data, span }));
    return undefined;
  }
  if (content === undefined) {
    context.findings.push(commandFinding({ code: 'FILE_NOT_FOUND', data, span }));
    return undefined;
  }
  if (scheme === 'fileb' && shape?.type !== 'blob') {
    const issue = { code: 'VALUE_INVALID_TYPE' as const, path: member, data: { path: member, expected: 'a string', actual: 'bytes' } };
    context.findings.push(commandFinding({ code: issue.code, data: { ...issue.data, ...data }, span, path: option }));
    return undefined;
  }
  return [{ text: content, kind: 'file', file: path }];
}

function safeRead(provider: NonNullable<CommandContext['options']['files']>, path: string, scheme: 'file' | 'fileb'): string | undefined {
  try {
    const content = provider(path, scheme);
    return typeof content === 'string' ? content : undefined;
  } catch {
    return undefined;
  }
}

function argumentSpanOf(context: CommandContext, text: ValueText) {
  if (text.kind === 'file') return context.lines.span(0, 0);
  return locateValue(context.lines, text, [0, text.text.length]).span;
}

/** A streaming body such as `put-object --body` is a plain path to a file, which must exist. */
function checkStreamingBody(operation: Operation, member: string, option: string, texts: ValueText[]): undefined {
  const { context } = operation;
  const text = texts[0];
  if (!text) return undefined;
  const path = text.text.replace(/^(?:\.\/)+/, '');
  const provider = context.options.files;
  const found = provider ? safeRead(provider, text.text, 'fileb') !== undefined : false;
  context.result.fileReferences.push({ parameter: member, scheme: 'fileb', path, found });
  operation.values.set(member, text.text);
  const data = { parameter: member, option, file: path };
  const span = argumentSpanOf(context, text);
  if (!provider) context.findings.push(commandFinding({ code: 'FILE_NOT_READ', data, span }));
  else if (!found) context.findings.push(commandFinding({ code: 'BLOB_NOT_A_FILE', data, span }));
  return undefined;
}

function flushUnpackIssues(operation: Operation, member: string, option: string): void {
  const { context, unpacker } = operation;
  for (const issue of unpacker.issues.splice(0)) {
    const located = locateValue(context.lines, issue.value, issue.range);
    const data = { ...issue.data, parameter: member, option, ...(located.file ? { file: located.file } : {}) };
    context.findings.push(commandFinding({ code: issue.code, data, span: located.span, path: option }));
  }
}

function validateMember(operation: Operation, member: string, option: string, shapeName: string, unpacked: Unpacked): void {
  const { validator } = operation;
  const before = validator.issues.length;
  const ref = inputMember(operation, member);
  validator.validate(unpacked.value, shapeName, member, typeof ref === 'object' && ref.hostLabel === true);
  const issues = validator.issues.splice(before);
  for (const issue of issues) reportParamIssue(operation, issue, member, option, unpacked.parts);

  const value = unpacked.value;
  if (issues.length === 0 && typeof value === 'string' && /policyDocumentType$/i.test(shapeName)) {
    checkPolicyDocument(operation, member, option, value, unpacked.parts.get(''));
  }
}

function reportParamIssue(operation: Operation, issue: ParamIssue, member: string, option: string, parts: Unpacked['parts'] | undefined): void {
  const { context } = operation;
  const relative = issue.path === member ? '' : issue.path.slice(member.length).replace(/^\./, '');
  const part = findPart(parts, relative);
  const located = part ? locateValue(context.lines, part.value, part.range) : undefined;
  const span = located?.span ?? context.result.parameterSpans[member];
  const data = { ...issue.data, parameter: member, option, ...(located?.file ? { file: located.file } : {}) };
  context.findings.push(commandFinding({ code: issue.code, data, ...(span ? { span } : {}), path: option }));
}

/** Returns the part at `path`, or at its nearest enclosing path. */
function findPart(parts: Unpacked['parts'] | undefined, path: string): { value: ValueText; range: readonly [number, number] } | undefined {
  if (!parts) return undefined;
  let current = path;
  for (;;) {
    const part = parts.get(current);
    if (part) return part;
    if (!current) return undefined;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['), current.lastIndexOf(' (key'));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
}

function checkPolicyDocument(
  operation: Operation, member: string, option: string, text: string, part: { value: ValueText; range: readonly [number, number] } | undefined,
): void {
  const { context } = operation;
  if (!part) return;
  const trust = member === 'AssumeRolePolicyDocument' || operation.apiName === 'UpdateAssumeRolePolicy';
  const kind: PolicyKind = trust ? 'trust' : 'identity';
  if (part.value.kind === 'word' && FILE_NAME.test(text.trim())) {
    const span = locateValue(context.lines, part.value, part.range).span;
    context.findings.push(commandFinding({ code: 'VALUE_LOOKS_LIKE_FILE', data: { parameter: member, option, value: text.trim() }, span, path: option }));
    return;
  }
  const validation = validatePolicy(text, { kind });
  for (const finding of validation.findings) context.findings.push(relocatePolicyFinding(context, finding, part.value, member, option));
}

function relocatePolicyFinding(context: CommandContext, finding: Finding, value: ValueText, member: string, option: string): Finding {
  const data = { ...finding.data, parameter: member, option, ...(value.kind === 'file' ? { file: value.file } : {}) };
  const relocated: Finding = { ...finding, data, ...(finding.severity === 'error' ? { rejectedBy: 'service' as const } : {}) };
  if (value.kind === 'file' || finding.line === undefined || finding.column === undefined) return relocated;
  const start = offsetOf(value.text, finding.line, finding.column);
  const end = offsetOf(value.text, finding.endLine ?? finding.line, finding.endColumn ?? finding.column);
  return { ...relocated, ...locateValue(context.lines, value, [start, end]).span };
}

/** Merges `--cli-input-json` parameters under the options given on the command line, as awscli does. */
function checkCliInput(operation: Operation, last: Map<CliArgument, ParsedArg>): void {
  const { context, model, apiName } = operation;
  const inputs = [...last].filter(([argument]) => argument.meaning.kind === 'cli-input');
  if (inputs.length > 1) {
    const [, arg] = inputs[1] ?? [];
    if (arg) context.findings.push(commandFinding({ code: 'CLI_INPUT_CONFLICT', span: context.wordSpan(arg.optionIndex) }));
    return;
  }
  const [entry] = inputs;
  if (!entry) return;
  const [argument, arg] = entry;
  const format = argument.meaning.kind === 'cli-input' ? argument.meaning.format : 'json';
  const option = arg.optionString;
  const texts = valueTexts(context, arg);
  if (texts.some((text) => text.kind === 'word' && text.word.unknown)) return;
  const loaded = loadFiles(operation, 'cli-input', option, texts, '');
  const text = loaded?.[0];
  // NOTE: YAML input is not parsed, so its parameters and the required options are not checked.
  if (!text || format === 'yaml') return;
  const parsed = parseJson(text.text);
  if ('error' in parsed || !isDict(parsed.value)) {
    const span = locateValue(context.lines, text, [0, text.text.length]).span;
    context.findings.push(commandFinding({ code: 'CLI_INPUT_INVALID', data: { option, format }, span }));
    return;
  }
  const inputShape = model.operations[apiName]?.input;
  const shape = inputShape ? model.shapes[inputShape] : undefined;
  if (shape?.type !== 'structure') return;
  const parts: Unpacked['parts'] = new Map([...parsed.ranges].map(([path, range]) => [path, { value: text, range }]));
  for (const [key, value] of parsed.value) {
    if (operation.values.has(key)) continue;
    const ref = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
    if (!ref) {
      const valid = Object.keys(shape.members);
      const located = locateValue(context.lines, text, parts.get(key)?.range ?? [0, text.text.length]);
      context.findings.push(commandFinding({
        code: 'VALUE_UNKNOWN_KEY', data: { key, path: 'input', valid, suggestions: closeMatches(key, valid), option }, span: located.span, path: option,
      }));
      continue;
    }
    operation.values.set(key, value);
    const memberParts: Unpacked['parts'] = new Map();
    for (const [path, part] of parts) {
      if (path === key) memberParts.set('', part);
      else if (path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) memberParts.set(path.slice(key.length).replace(/^\./, ''), part);
    }
    validateMember(operation, key, option, memberShape(ref), { value, parts: memberParts });
  }
  for (const required of shape.required ?? []) {
    const ref = shape.members[required];
    if (operation.values.has(required) || (typeof ref === 'object' && ref.idempotencyToken)) continue;
    const optionName = `--${operation.table.optionNames.get(required) ?? xformName(required)}`;
    context.findings.push(commandFinding({
      code: 'OPTION_REQUIRED_MISSING', data: { service: model.cliName, operation: operation.cliName, option: optionName }, span: context.wordSpan(arg.optionIndex),
    }));
  }
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
      operation.values.set(shadows, BigInt(Math.trunc(Number(value)) || 0));
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
