/**
 * The argument tables the AWS CLI (2.9.19) builds: its global options from awscli's `cli.json`,
 * and for an operation one option per input member plus the arguments that awscli's
 * customizations add (pagination, `--cli-input-json`, `--generate-cli-skeleton`, output files).
 */
import { OptionTable, type ArgAction, type ArgParser } from './argparse.ts';
import { memberShape, type Member, type ServiceModel, type Shape } from './model.ts';
import { xformName } from './names.ts';

/** Global options as awscli's `cli.json` declares them, in its order. */
export const GLOBAL_OPTIONS: readonly ArgAction[] = [
  flag('debug'),
  value('endpoint-url'),
  flag('no-verify-ssl'),
  flag('no-paginate'),
  { ...value('output'), choices: ['json', 'text', 'table', 'yaml', 'yaml-stream'] },
  value('query'),
  value('profile'),
  value('region'),
  flag('version'),
  { ...value('color'), choices: ['on', 'off', 'auto'] },
  flag('no-sign-request'),
  value('ca-bundle'),
  { ...value('cli-read-timeout'), type: 'int' },
  { ...value('cli-connect-timeout'), type: 'int' },
  { ...value('cli-binary-format'), choices: ['base64', 'raw-in-base64-out'] },
  flag('no-cli-pager'),
  flag('cli-auto-prompt'),
  flag('no-cli-auto-prompt'),
];

function flag(name: string): ArgAction {
  return { dest: name, optionStrings: [`--${name}`], nargs: 'zero' };
}

function value(name: string): ArgAction {
  return { dest: name, optionStrings: [`--${name}`], nargs: 'one' };
}

export function globalParser(services: readonly string[]): ArgParser {
  return {
    options: GLOBAL_OPTIONS,
    positionals: [{ dest: 'command', optionStrings: [], nargs: 'one', required: true, choices: [...services, 'help'] }],
  };
}

export function serviceParser(operations: readonly string[]): ArgParser {
  return {
    positionals: [{ dest: 'operation', optionStrings: [], nargs: 'one', required: true, choices: [...operations, 'help'] }],
    options: [],
  };
}

/** The meaning of a parsed operation argument. */
export type CliArgumentKind =
  | { kind: 'member'; member: string; shape: string; negated?: boolean }
  | { kind: 'page'; name: 'starting-token' | 'page-size' | 'max-items'; shadows?: string }
  | { kind: 'cli-input'; format: 'json' | 'yaml' }
  | { kind: 'skeleton' }
  | { kind: 'outfile' }
  | { kind: 'custom'; name: string };

export interface CliArgument {
  action: ArgAction;
  meaning: CliArgumentKind;
}

export interface OperationTable {
  /** The operation's CLI name, such as `assume-role`. */
  cliName: string;
  parser: ArgParser;
  /** The parser's lookup table. */
  options: OptionTable;
  /** The meaning of each parsed action. */
  arguments: Map<ArgAction, CliArgument>;
  /** CLI option name (`role-arn`) of each input member. */
  optionNames: Map<string, string>;
  /** The input structure's members, by API name. */
  inputMembers: Map<string, Member>;
}

const ARGPARSE_TYPES: Partial<Record<Shape['type'], 'int' | 'float'>> = { long: 'int', float: 'float', double: 'float' };

/** Options that awscli's customizations add to single operations. */
const CUSTOM_ARGUMENTS: Record<string, ArgAction[]> = {
  'iam CreateVirtualMFADevice': [
    { dest: 'outfile', optionStrings: ['--outfile'], nargs: 'one', required: true },
    { dest: 'bootstrap-method', optionStrings: ['--bootstrap-method'], nargs: 'one', required: true, choices: ['QRCodePNG', 'Base32StringSeed'] },
  ],
};

const tableCache = new WeakMap<ServiceModel, Map<string, OperationTable>>();

/** Returns the argument table of one operation, built once per operation. */
export function operationTable(model: ServiceModel, operationName: string): OperationTable {
  let tables = tableCache.get(model);
  if (!tables) {
    tables = new Map();
    tableCache.set(model, tables);
  }
  let table = tables.get(operationName);
  if (!table) {
    table = buildOperationTable(model, operationName);
    tables.set(operationName, table);
  }
  return table;
}

/** Builds the argument table of one operation, in the order awscli adds the arguments. */
function buildOperationTable(model: ServiceModel, operationName: string): OperationTable {
  const operation = model.operations[operationName];
  const input = operation?.input ? model.shapes[operation.input] : undefined;
  const entries = new Map<string, CliArgument>();
  const optionNames = new Map<string, string>();

  if (input?.type === 'structure') {
    const required = new Set(input.required ?? []);
    for (const [member, ref] of Object.entries(input.members)) {
      const name = xformName(member);
      const shapeName = memberShape(ref);
      const shape = model.shapes[shapeName];
      const isToken = typeof ref !== 'string' && ref.idempotencyToken === true;
      optionNames.set(member, name);
      const meaning = { kind: 'member' as const, member, shape: shapeName };
      if (shape?.type === 'boolean') {
        entries.set(name, { action: { dest: name, optionStrings: [`--${name}`], nargs: 'zero' }, meaning });
        const negated = `no-${name}`;
        entries.set(negated, {
          action: { dest: name, optionStrings: [`--${negated}`], nargs: 'zero' },
          meaning: { ...meaning, negated: true },
        });
        continue;
      }
      const action: ArgAction = {
        dest: name,
        optionStrings: [`--${name}`],
        nargs: shape?.type === 'list' ? 'any' : 'one',
        ...(required.has(member) && !isToken ? { required: true } : {}),
      };
      const type = shape ? ARGPARSE_TYPES[shape.type] : undefined;
      if (type) action.type = type;
      entries.set(name, { action, meaning });
    }
  }

  const positionals: ArgAction[] = [];
  for (const action of CUSTOM_ARGUMENTS[`${model.cliName} ${operationName}`] ?? []) {
    entries.set(action.dest, { action, meaning: { kind: 'custom', name: action.dest } });
  }
  if (operation?.streamingOutput) {
    const action: ArgAction = { dest: 'outfile', optionStrings: [], nargs: 'one', required: true };
    positionals.push(action);
    entries.set('outfile', { action, meaning: { kind: 'outfile' } });
  } else if (!entries.has('outfile')) {
    addCliInputArguments(entries);
  }
  if (operation?.paginator && input?.type === 'structure') addPagingArguments(model, input, operation.paginator, entries);

  const help: ArgAction = { dest: 'help', optionStrings: [], nargs: 'optional' };
  const all = [...entries.values()];
  const parser: ArgParser = {
    options: all.filter((entry) => entry.action.optionStrings.length).map((entry) => entry.action),
    positionals: [...positionals, help],
  };
  const table: OperationTable = {
    cliName: xformName(operationName),
    parser,
    options: new OptionTable(parser),
    arguments: new Map(all.map((entry) => [entry.action, entry])),
    optionNames,
    inputMembers: new Map(input?.type === 'structure' ? Object.entries(input.members) : []),
  };
  return table;
}

function addCliInputArguments(entries: Map<string, CliArgument>): void {
  for (const format of ['json', 'yaml'] as const) {
    const name = `cli-input-${format}`;
    entries.set(name, { action: value(name), meaning: { kind: 'cli-input', format } });
  }
  entries.set('generate-cli-skeleton', {
    action: { dest: 'generate-cli-skeleton', optionStrings: ['--generate-cli-skeleton'], nargs: 'optional', choices: ['input', 'output', 'yaml-input'] },
    meaning: { kind: 'skeleton' },
  });
}

/** Adds `--starting-token`, `--page-size` and `--max-items`, shadowing members of the same name. */
function addPagingArguments(
  model: ServiceModel,
  input: Extract<Shape, { type: 'structure' }>,
  paginator: { inputTokens: string[]; limitKey?: string | undefined },
  entries: Map<string, CliArgument>,
): void {
  const limitRef = paginator.limitKey ? input.members[paginator.limitKey] : undefined;
  const limitType = limitRef ? model.shapes[memberShape(limitRef)]?.type : undefined;
  const numeric = limitType === 'string' ? undefined : 'int';
  const add = (name: 'starting-token' | 'page-size' | 'max-items', type: 'int' | undefined): void => {
    const existing = entries.get(name);
    const shadows = existing?.meaning.kind === 'member' ? existing.meaning.member : undefined;
    const action: ArgAction = { ...value(name), ...(type ? { type } : {}) };
    entries.set(name, { action, meaning: { kind: 'page', name, ...(shadows ? { shadows } : {}) } });
  };
  add('starting-token', undefined);
  if (paginator.limitKey) add('page-size', numeric);
  add('max-items', numeric);
}
