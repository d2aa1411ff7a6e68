/**
 * `--cli-input-json`: parameters read from JSON, merged under the options given on the command line.
 * `--cli-input-yaml` gets a warning that its YAML is not checked.
 */
import type { ParsedArg } from './argparse.ts';
import type { CliArgument } from './cli-table.ts';
import { loadFiles } from './files.ts';
import { parseJson } from './json.ts';
import { locateValue, type ValueText } from './locate.ts';
import { commandFinding } from './messages.ts';
import { memberShape, type Shape } from './model.ts';
import { validateMember } from './members.ts';
import { closeMatches, xformName } from './names.ts';
import { valueTexts, type Operation } from './operation.ts';
import type { Unpacked } from './unpack.ts';
import { isDict, type PyDict } from './values.ts';

/** Merges `--cli-input-json` parameters under the options given on the command line, as awscli does. */
export function checkCliInput(operation: Operation, last: Map<CliArgument, ParsedArg>): void {
  const { context } = operation;
  const inputs: Array<[CliArgument, ParsedArg]> = [];
  for (const entry of last) if (entry[0].meaning.kind === 'cli-input') inputs.push(entry);
  if (inputs.length > 1) {
    const [, arg] = inputs[1] ?? [];
    if (arg) context.findings.push(commandFinding({ code: 'CLI_INPUT_CONFLICT', span: context.wordSpan(arg.optionIndex) }));
    return;
  }
  const [entry] = inputs;
  if (!entry) return;

  const [argument, arg] = entry;
  const format = argument.meaning.kind === 'cli-input' ? argument.meaning.format : 'json';
  // NOTE: YAML input is not parsed, so its parameters and the required options are not checked.
  // The `yaml` package (2.9.1) would add 30 to 31 KB gzip to each extension bundle that runs the
  // validator (background.js: 314.6 KB to 345.6 KB), for an option the lab's commands do not use.
  if (format === 'yaml') {
    context.findings.push(commandFinding({ code: 'CLI_INPUT_YAML_NOT_CHECKED', data: { option: arg.optionString }, span: context.wordSpan(arg.optionIndex) }));
    return;
  }
  const input = readInput(operation, arg);
  if (!input) return;

  const shapeName = operation.model.operations[operation.apiName]?.input;
  const shape = shapeName ? operation.model.shapes[shapeName] : undefined;
  if (shape?.type !== 'structure') return;
  mergeInput(operation, arg.optionString, input, shape);
  reportMissingRequired(operation, arg, shape);
}

type Structure = Extract<Shape, { type: 'structure' }>;

interface Input {
  text: ValueText;
  value: PyDict;
  parts: Unpacked['parts'];
}

/** Loads and parses the JSON text of the option; reports a text that is not a JSON object. */
function readInput(operation: Operation, arg: ParsedArg): Input | undefined {
  const { context } = operation;
  const option = arg.optionString;
  const texts = valueTexts(context, arg);
  if (texts.some((text) => text.kind === 'word' && text.word.unknown)) return undefined;
  const text = loadFiles(operation, 'cli-input', option, texts, '')?.[0];
  if (!text) return undefined;

  const parsed = parseJson(text.text);
  if ('error' in parsed || !isDict(parsed.value)) {
    const span = locateValue(context.lines, text, [0, text.text.length]).span;
    context.findings.push(commandFinding({ code: 'CLI_INPUT_INVALID', data: { option, format: 'json' }, span }));
    return undefined;
  }
  const parts: Unpacked['parts'] = new Map([...parsed.ranges].map(([path, range]) => [path, { value: text, range }]));
  return { text, value: parsed.value, parts };
}

/** Adds the input's members that no option set, and checks each against the model. */
function mergeInput(operation: Operation, option: string, input: Input, shape: Structure): void {
  const { context } = operation;
  for (const [key, value] of input.value) {
    if (operation.values.has(key)) continue;
    const ref = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
    if (!ref) {
      const valid = Object.keys(shape.members);
      const located = locateValue(context.lines, input.text, input.parts.get(key)?.range ?? [0, input.text.text.length]);
      const data = { key, path: 'input', valid, suggestions: closeMatches(key, valid), option };
      context.findings.push(commandFinding({ code: 'VALUE_UNKNOWN_KEY', data, span: located.span, path: option }));
      continue;
    }
    operation.values.set(key, value);
    validateMember(operation, key, option, memberShape(ref), { value, parts: memberParts(input.parts, key) });
  }
}

/** Returns the parts under `key`, with paths relative to it. */
function memberParts(parts: Unpacked['parts'], key: string): Unpacked['parts'] {
  const result: Unpacked['parts'] = new Map();
  for (const [path, part] of parts) {
    if (path === key) result.set('', part);
    else if (path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) result.set(path.slice(key.length).replace(/^\./, ''), part);
  }
  return result;
}

/** Reports required members that neither the options nor the input set, as botocore does. */
function reportMissingRequired(operation: Operation, arg: ParsedArg, shape: Structure): void {
  const { context, model } = operation;
  if (!operation.validates) return;
  for (const required of shape.required ?? []) {
    const ref = shape.members[required];
    if (operation.values.has(required) || (typeof ref === 'object' && ref.idempotencyToken)) continue;
    const option = `--${operation.table.optionNames.get(required) ?? xformName(required)}`;
    const data = { service: model.cliName, operation: operation.cliName, option };
    context.findings.push(commandFinding({ code: 'OPTION_REQUIRED_MISSING', data, span: context.wordSpan(arg.optionIndex) }));
  }
}
