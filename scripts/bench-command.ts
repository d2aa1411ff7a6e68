/**
 * Benchmarks the command validator as bundled for the extension. It measures the model load
 * time, the commands validated per second on one core (Node runs the validator on one thread)
 * and the hostile inputs, and the real AWS CLI's rate on a sample of the same corpus in the same
 * run. It prints a Markdown table for docs/benchmarks.md.
 *
 *   npx tsx scripts/bench-command.ts [--cli-sample N]   (N commands through /usr/bin/aws, default 20; 0 skips)
 */
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { awsCliInstalled, createCliHome, runAwsCli } from './aws-cli-oracle.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(root, 'src/core/command/models');
const fixtures = join(root, 'src/core/command/testdata');
const sampleArg = process.argv.indexOf('--cli-sample');
const cliSample = sampleArg === -1 ? 20 : Number(process.argv[sampleArg + 1] ?? 20);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Returns each model's JSON text, as embedded in its generated module. */
function modelTexts(): Array<[string, string]> {
  return readdirSync(modelsDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => {
      const source = readFileSync(join(modelsDir, file), 'utf8');
      const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source)?.[1];
      if (!literal) throw new Error(`No JSON literal in ${file}`);
      return [file, JSON.parse(literal) as string];
    });
}

/**
 * Bundles the validator as the extension's build does (esbuild, minified), so that the rates are
 * those of the shipped code and not of tsx's on-the-fly transform.
 */
async function importBundle(): Promise<typeof import('../src/core/command/index.ts')> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'lab-check-bench-')), 'command.mjs');
  await build({ entryPoints: [join(root, 'src/core/command/index.ts')], bundle: true, minify: true, format: 'esm', outfile, logLevel: 'warning' });
  const started = performance.now();
  const module = await import(pathToFileURL(outfile).href);
  bundleImportMs = performance.now() - started;
  bundleBytes = gzipSync(readFileSync(outfile)).length;
  return module;
}

let bundleImportMs = 0;
let bundleBytes = 0;
const { validateCommand } = await importBundle();
const { CORPUS } = await import('../src/core/command/differential-corpus.ts');

/** The fixture files, read once, because the extension serves referenced files from memory too. */
const fixtureTexts = new Map(readdirSync(fixtures).map((name) => [name, readFileSync(join(fixtures, name), 'utf8')]));
const files = (path: string): string | undefined => fixtureTexts.get(path.replace(/^(?:\.\/)+/, ''));

function measureModelLoad(): { parseMs: number; gzipBytes: number; rawBytes: number } {
  const texts = modelTexts();
  const runs: number[] = [];
  for (let round = 0; round < 21; round++) {
    const started = performance.now();
    for (const [, text] of texts) JSON.parse(text);
    runs.push(performance.now() - started);
  }
  const gzipBytes = texts.reduce((sum, [, text]) => sum + gzipSync(text).length, 0);
  const rawBytes = texts.reduce((sum, [, text]) => sum + text.length, 0);
  return { parseMs: median(runs), gzipBytes, rawBytes };
}

interface Rate {
  /** Commands per second of elapsed time. */
  wall: number;
  /** Commands per second of this process's CPU time, which other jobs on the machine affect less. */
  cpu: number;
}

/** Validates `commands` round after round for about `ms`, returning the median rates of 5 rounds. */
function validatorRate(commands: readonly string[], ms = 1000): Rate {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 5; round++) {
    let count = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    while (performance.now() - started < ms) {
      for (const command of commands) validateCommand(command, { files });
      count += commands.length;
    }
    const used = process.cpuUsage(cpuStarted);
    wall.push(count / ((performance.now() - started) / 1000));
    cpu.push(count / ((used.user + used.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const formatRate = (rate: Rate): string =>
  `${Math.round(rate.wall).toLocaleString('en-US')} commands/s (${Math.round(rate.cpu).toLocaleString('en-US')} per CPU second)`;

function hostileTimes(): Array<[string, number, number]> {
  const arn = 'arn:aws:iam::123456789012:role/demo';
  const inputs: Array<[string, string]> = [
    ['unclosed quote', `aws sts assume-role --role-arn '${arn}`],
    ['100 KB value', `aws sts assume-role --role-arn ${arn} --role-session-name ${'x'.repeat(100_000)}`],
    ['10,000 unknown options', 'aws iam create-role ' + '--x y '.repeat(10_000)],
    ['10,000 repeated options', 'aws iam create-role ' + '--role-name r '.repeat(10_000)],
    ['10,000 shorthand tags', 'aws iam create-role --role-name r --assume-role-policy-document x --tags ' + 'Key=a,Value=b '.repeat(10_000)],
    ['100,000 NUL bytes', 'aws sts get-caller-identity ' + '\0'.repeat(100_000)],
    ['50,000 nested brackets', `aws iam create-role --role-name r --assume-role-policy-document '${'['.repeat(50_000)}'`],
  ];
  return inputs.map(([name, text]) => {
    const runs: number[] = [];
    const cpuRuns: number[] = [];
    for (let round = 0; round < 7; round++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      validateCommand(text);
      const used = process.cpuUsage(cpuStarted);
      runs.push(performance.now() - started);
      cpuRuns.push((used.user + used.system) / 1000);
    }
    return [name, median(runs), median(cpuRuns)];
  });
}

async function cliRate(commands: readonly string[]): Promise<number | undefined> {
  if (commands.length === 0 || !awsCliInstalled()) return undefined;
  const home = createCliHome();
  const started = performance.now();
  for (const command of commands) await runAwsCli(command, fixtures, home);
  return commands.length / ((performance.now() - started) / 1000);
}

const all = CORPUS.map((row) => row.command);
const sample = all.slice(0, Math.max(0, Math.min(cliSample, all.length)));
const load = measureModelLoad();
const fullRate = validatorRate(all);
// Policy documents are checked by the policy validator, which costs more than the rest of the command.
const withoutPolicies = all.filter((command) => !/policy-document|cli-input-json/.test(command));
const plainRate = validatorRate(withoutPolicies);
// The commands a learner most often submits: valid ones, whose findings need no rendering.
const validPlain = CORPUS.filter((row) => row.cli === 'accept' && !row.service)
  .map((row) => row.command)
  .filter((command) => !/policy-document|cli-input-json/.test(command));
const validRate = validatorRate(validPlain);
const sampleRate = sample.length ? validatorRate(sample) : undefined;
const hostile = hostileTimes();
const cli = await cliRate(sample);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npx tsx scripts/bench-command.ts --cli-sample ${sample.length}\``,
  `on ${cpu} (${cpus().length} cores shared with other jobs, load average ${loadavg()[0]?.toFixed(1)}), Node ${process.version}.`,
  '',
  '| measurement | result |',
  '| --- | --- |',
  `| models (iam, sts, s3api, service index) | ${(load.rawBytes / 1024).toFixed(0)} KB JSON, ${(load.gzipBytes / 1024).toFixed(1)} KB gzip |`,
  `| model load: JSON.parse of all models, median of 21 | ${load.parseMs.toFixed(2)} ms |`,
  `| validator bundle (esbuild, minified, models included) | ${(bundleBytes / 1024).toFixed(1)} KB gzip |`,
  `| first import of the bundle: parse, run and model load | ${bundleImportMs.toFixed(1)} ms |`,
  `| validator, full corpus (${all.length} commands), median of 5 one-second rounds | ${formatRate(fullRate)} |`,
];
lines.push(`| validator, the ${withoutPolicies.length} corpus commands without a policy document | ${formatRate(plainRate)} |`);
lines.push(`| validator, the ${validPlain.length} of those that are valid | ${formatRate(validRate)} |`);
if (sampleRate !== undefined) {
  lines.push(`| validator, first ${sample.length} corpus commands | ${formatRate(sampleRate)} |`);
}
if (cli !== undefined && sampleRate !== undefined) {
  lines.push(`| AWS CLI 2.9.19 (/usr/bin/aws), same ${sample.length} commands, one at a time | ${cli.toFixed(2)} commands/s |`);
  lines.push(`| ratio validator / AWS CLI, elapsed time | ${Math.round(sampleRate.wall / cli).toLocaleString('en-US')}x |`);
}
for (const [name, ms, cpuMs] of hostile) {
  lines.push(`| hostile input: ${name}, median of 7 | ${ms.toFixed(1)} ms (${cpuMs.toFixed(1)} ms of CPU) |`);
}
console.log(lines.join('\n'));
