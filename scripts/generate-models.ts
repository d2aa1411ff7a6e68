/**
 * Generates the compact service models of src/core/command/models/ from botocore's service
 * definitions, so that the command validator checks commands against the same models the AWS
 * CLI and SDKs use.
 *
 *   npx tsx scripts/generate-models.ts                 iam, sts and s3api
 *   npx tsx scripts/generate-models.ts ec2 lambda      other services (CLI names)
 *   BOTOCORE_DIR=/path/to/botocore npx tsx scripts/generate-models.ts
 *
 * botocore is found with `python3 -c "import botocore"` unless BOTOCORE_DIR is set. Each model
 * keeps the operations, their input shapes with types, required members, min and max, patterns
 * and enums, and the pagination members the CLI replaces with `--starting-token`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Member, OperationModel, ServiceIndex, ServiceModel, Shape } from '../src/core/command/model.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(root, 'src/core/command/models');
const DEFAULT_SERVICES = ['iam', 'sts', 's3api'];

/** AWS CLI command names that differ from botocore's service names (awscli 2.x customizations). */
const CLI_RENAMES: Record<string, string> = { s3: 's3api', config: 'configservice', codedeploy: 'deploy' };
/** Commands the AWS CLI adds beside the services: high-level s3, configure, ddb, history and an alias. */
const CLI_EXTRA_COMMANDS = ['configure', 'ddb', 'history', 's3', 'opsworks-cm'];

type Json = Record<string, any>;

function findBotocore(): string {
  if (process.env.BOTOCORE_DIR) return process.env.BOTOCORE_DIR;
  const script = 'import botocore, os; print(os.path.dirname(botocore.__file__))';
  return execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim();
}

function botocoreVersion(dir: string): string {
  const match = /__version__ = '([^']+)'/.exec(readFileSync(join(dir, '__init__.py'), 'utf8'));
  if (!match?.[1]) throw new Error(`No __version__ in ${join(dir, '__init__.py')}`);
  return match[1];
}

/** Reads `name.json` or `name.json.gz` from a service's newest API version folder. */
function readServiceFile(dataDir: string, service: string, name: string): Json | undefined {
  const serviceDir = join(dataDir, service);
  const version = readdirSync(serviceDir).sort().at(-1);
  if (!version) return undefined;
  const base = join(serviceDir, version, name);
  if (existsSync(`${base}.json`)) return JSON.parse(readFileSync(`${base}.json`, 'utf8'));
  if (existsSync(`${base}.json.gz`)) return JSON.parse(gunzipSync(readFileSync(`${base}.json.gz`)).toString('utf8'));
  return undefined;
}

/** Applies an `.sdk-extras.json` merge block, as botocore's loader does. */
function mergeExtras(target: Json, extras: Json | undefined): void {
  const merge = extras?.merge;
  if (!merge) return;
  for (const [section, entries] of Object.entries(merge as Json)) {
    target[section] ??= {};
    for (const [key, value] of Object.entries(entries as Json)) {
      target[section][key] = { ...(target[section][key] ?? {}), ...(value as Json) };
    }
  }
}

function compactMember(member: Json): Member {
  const flags: Exclude<Member, string> = { shape: member.shape };
  if (member.idempotencyToken) flags.idempotencyToken = true;
  if (member.hostLabel) flags.hostLabel = true;
  if (member.jsonvalue && member.location === 'header') flags.jsonValue = true;
  if (member.streaming) flags.streaming = true;
  return Object.keys(flags).length === 1 ? member.shape : flags;
}

function compactShape(shape: Json): Shape {
  const bounds = {
    ...(typeof shape.min === 'number' ? { min: shape.min } : {}),
    ...(typeof shape.max === 'number' ? { max: shape.max } : {}),
  };
  switch (shape.type) {
    case 'structure': {
      const members = Object.fromEntries(
        Object.entries(shape.members ?? {}).map(([name, member]) => [name, compactMember(member as Json)]),
      );
      return {
        type: 'structure',
        members,
        ...(shape.required?.length ? { required: shape.required } : {}),
        ...(shape.document ? { document: true as const } : {}),
        ...(shape.union ? { union: true as const } : {}),
      };
    }
    case 'list':
      return { type: 'list', member: shape.member.shape, ...bounds };
    case 'map':
      return { type: 'map', key: shape.key.shape, value: shape.value.shape, ...bounds };
    case 'string':
      return {
        type: 'string',
        ...bounds,
        ...(shape.pattern ? { pattern: shape.pattern } : {}),
        ...(shape.enum ? { enum: shape.enum } : {}),
      };
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return { type: shape.type, ...bounds };
    case 'boolean':
    case 'timestamp':
      return { type: shape.type };
    case 'blob':
      return { type: 'blob', ...bounds, ...(shape.streaming ? { streaming: true as const } : {}) };
    default:
      throw new Error(`Unsupported shape type ${String(shape.type)}`);
  }
}

/** Copies `name` and every shape reachable from it into `shapes`. */
function collectShapes(all: Json, name: string, shapes: Record<string, Shape>): void {
  if (shapes[name]) return;
  const source = all[name];
  if (!source) throw new Error(`Missing shape ${name}`);
  const shape = compactShape(source);
  shapes[name] = shape;
  if (shape.type === 'structure') {
    for (const member of Object.values(source.members ?? {})) collectShapes(all, (member as Json).shape, shapes);
  } else if (shape.type === 'list') {
    collectShapes(all, shape.member, shapes);
  } else if (shape.type === 'map') {
    collectShapes(all, shape.key, shapes);
    collectShapes(all, shape.value, shapes);
  }
}

function hasStreamingPayload(all: Json, outputName: string | undefined): boolean {
  const output = outputName ? all[outputName] : undefined;
  const payload = output?.payload ? output.members?.[output.payload] : undefined;
  return Boolean(payload && all[payload.shape]?.type === 'blob' && (payload.streaming || all[payload.shape]?.streaming));
}

function buildModel(dataDir: string, cliName: string, serviceName: string, version: string): ServiceModel {
  const service = readServiceFile(dataDir, serviceName, 'service-2');
  if (!service) throw new Error(`No service-2.json for ${serviceName} under ${dataDir}`);
  mergeExtras(service, readServiceFile(dataDir, serviceName, 'service-2.sdk-extras'));
  const pagination: Json = readServiceFile(dataDir, serviceName, 'paginators-1')?.pagination ?? {};

  const operations: Record<string, OperationModel> = {};
  const shapes: Record<string, Shape> = {};
  for (const name of Object.keys(service.operations).sort()) {
    const operation = service.operations[name];
    const entry: OperationModel = {};
    const input: string | undefined = operation.input?.shape;
    if (input) {
      entry.input = input;
      collectShapes(service.shapes, input, shapes);
    }
    const paginator = pagination[name];
    if (paginator?.input_token) {
      const tokens = ([] as string[]).concat(paginator.input_token);
      entry.paginator = { inputTokens: tokens, ...(paginator.limit_key ? { limitKey: paginator.limit_key } : {}) };
    }
    if (hasStreamingPayload(service.shapes, operation.output?.shape)) entry.streamingOutput = true;
    operations[name] = entry;
  }
  const metadata = service.metadata;
  return {
    cliName,
    serviceName,
    apiVersion: metadata.apiVersion,
    protocol: metadata.protocol,
    botocoreVersion: version,
    operations,
    shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function serviceIndex(dataDir: string, version: string): ServiceIndex {
  const names = readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => CLI_RENAMES[entry.name] ?? entry.name);
  return { botocoreVersion: version, services: [...new Set([...names, ...CLI_EXTRA_COMMANDS])].sort() };
}

/** Writes a model as a TypeScript module that parses its JSON text, the fastest way to load it. */
function writeModule(file: string, typeName: string, value: unknown): number {
  const json = JSON.stringify(value);
  const source =
    `// Generated by scripts/generate-models.ts from botocore; do not edit.\n` +
    `import type { ${typeName} } from '../model.ts';\n\n` +
    `const model: ${typeName} = JSON.parse(${JSON.stringify(json)});\nexport default model;\n`;
  writeFileSync(file, source);
  return gzipSync(json).length;
}

const moduleName = (cliName: string): string => cliName.replace(/[^a-z0-9]+/g, '-');

function main(): void {
  const botocoreDir = findBotocore();
  const dataDir = join(botocoreDir, 'data');
  const version = botocoreVersion(botocoreDir);
  const requested = process.argv.slice(2);
  const services = requested.length ? requested : DEFAULT_SERVICES;
  const botocoreNames = Object.fromEntries(Object.entries(CLI_RENAMES).map(([from, to]) => [to, from]));

  for (const cliName of services) {
    const model = buildModel(dataDir, cliName, botocoreNames[cliName] ?? cliName, version);
    const bytes = writeModule(join(outputDir, `${moduleName(cliName)}.ts`), 'ServiceModel', model);
    const count = Object.keys(model.operations).length;
    console.log(`${cliName}: ${count} operations, ${(bytes / 1024).toFixed(1)} KB gzip`);
  }
  const bytes = writeModule(join(outputDir, 'services.ts'), 'ServiceIndex', serviceIndex(dataDir, version));
  console.log(`services: ${(bytes / 1024).toFixed(1)} KB gzip (botocore ${version})`);
}

main();
