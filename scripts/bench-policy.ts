// Benchmarks the policy validator against cfn-lint on the same policies, in
// the same run, and prints a Markdown section for docs/benchmarks.md.
//
//   taskset -c 0 npm run bench:policy -- [--rounds 7] [--cfn-lint-copies 200]
//
// The npm script bundles this file with esbuild first, as the CLI and the
// extension are bundled, and runs it with plain Node.
//
// Rates are medians over rounds. The validator runs on one core (Node's main
// thread). cfn-lint is timed on one template holding N copies of each policy,
// minus the time of a template holding one copy, so its start-up cost (about
// two seconds of Python imports) is reported separately from its per-policy rate.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validatePolicy } from '../src/core/policy/index.ts';
import { parseJson } from '../src/core/policy/syntax.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, 'cfn-lint-copies': { type: 'string', default: '200' } },
});
const ROUNDS = Number(values.rounds);
const COPIES = Number(values['cfn-lint-copies']);

const CANONICAL = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }],
  },
  null,
  2,
);
/** A learner's policy with seven faults: version, Sid, effect, principal key, action, Resource and operator. */
const FAULTY = JSON.stringify(
  {
    Version: '2012-10-18',
    Statement: [
      {
        Sid: 'allow assume',
        Effect: 'allow',
        Principal: { aws: '123456789012' },
        Action: ['sts:AssumeRoles', 's3:GetObject'],
        Resource: '*',
        Condition: { StringEqual: { 'sts:ExternalId': 'x' } },
      },
    ],
  },
  null,
  2,
);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A measurement in elapsed time and in this process's CPU time, which other jobs on the machine affect less. */
interface Timing {
  wall: number;
  cpu: number;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Calls per second of `run`, per elapsed and per CPU second, over rounds of about half a second each. */
function rate(run: () => unknown): Timing {
  for (let i = 0; i < 2000; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    while (performance.now() - started < 500) {
      for (let i = 0; i < 100; i++) run();
      count += 100;
    }
    wall.push(count / ((performance.now() - started) / 1000));
    cpu.push(count / Math.max(1e-6, cpuSeconds(cpuStarted)));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** Milliseconds of one validation of `text`, elapsed and CPU, medians over rounds. */
function badInputTime(text: string): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    validatePolicy(text);
    wall.push(performance.now() - started);
    cpu.push(cpuSeconds(cpuStarted) * 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const folder = mkdtempSync(join(tmpdir(), 'lab-check-bench-'));

/** Seconds cfn-lint takes, elapsed and CPU (user plus system, from /usr/bin/time), on `copies` roles with `policy`. */
function cfnLintSeconds(policy: string, copies: number): Timing | undefined {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < copies; i++) {
    resources[`Role${i}`] = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: JSON.parse(policy) } };
  }
  const file = join(folder, `roles-${copies}.json`);
  const timeFile = join(folder, 'time.txt');
  writeFileSync(file, JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }));
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, 'cfn-lint', '--format', 'json', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error || result.status === 127) return undefined;
  // /usr/bin/time writes "Command exited with non-zero status N" first when cfn-lint reports errors.
  const lastLine = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
  const [wall = 0, user = 0, system = 0] = lastLine.split(/\s+/).map(Number);
  return { wall, cpu: user + system };
}

interface CfnLintRate {
  rate: Timing;
  startup: Timing;
}

function cfnLintRate(policy: string): CfnLintRate | undefined {
  const ones: Timing[] = [];
  const manys: Timing[] = [];
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
    const one = cfnLintSeconds(policy, 1);
    const many = cfnLintSeconds(policy, COPIES);
    if (one === undefined || many === undefined) return undefined;
    ones.push(one);
    manys.push(many);
  }
  const startup = { wall: median(ones.map((t) => t.wall)), cpu: median(ones.map((t) => t.cpu)) };
  const perPolicy = (field: keyof Timing) =>
    (COPIES - 1) / Math.max(1e-6, median(manys.map((t) => t[field])) - startup[field]);
  return { rate: { wall: perPolicy('wall'), cpu: perPolicy('cpu') }, startup };
}

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown';
const statements = '{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}';
const bad: Array<[string, string]> = [
  ['1 MB string', `{"Version": "2012-10-17", "Id": "${'a'.repeat(1_000_000)}"}`],
  ['10,000 levels of nesting', '['.repeat(10_000)],
  ['4 KB of binary bytes', Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
  ['10,000 statements (800 KB)', `{"Version":"2012-10-17","Statement":[${Array(10_000).fill(statements).join(',')}]}`],
  ['10,000 empty statements (30 KB)', `{"Version":"2012-10-17","Statement":[${Array(10_000).fill('{}').join(',')}]}`],
];

const rows: string[] = [];
for (const [name, text] of [['canonical trust policy', CANONICAL], ['faulty trust policy (7 faults)', FAULTY]] as const) {
  const ours = rate(() => validatePolicy(text));
  const theirs = cfnLintRate(text);
  const oursText = `${format(ours.wall)} (${format(ours.cpu)})`;
  const theirsText = theirs
    ? `${format(theirs.rate.wall)} (${format(theirs.rate.cpu)}), plus ${theirs.startup.wall.toFixed(1)} s start-up per run`
    : 'cfn-lint not found';
  const ratio = theirs ? `${format(ours.wall / theirs.rate.wall)}x (${format(ours.cpu / theirs.rate.cpu)}x)` : 'n/a';
  rows.push(`| ${name} | ${oursText} | ${theirsText} | ${ratio} |`);
}
const parseRate = rate(() => parseJson(CANONICAL));
const badRows = bad.map(([name, text]) => {
  const time = badInputTime(text);
  return `| ${name} | ${time.wall.toFixed(1)} ms (${time.cpu.toFixed(1)} ms of CPU) |`;
});
const cfnLintVersion = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? 'not found';

console.log(`## Policy validator

Command: \`taskset -c 0 npm run bench:policy -- --rounds ${ROUNDS} --cfn-lint-copies ${COPIES}\`
Machine: ${cpus().length} cores (\`nproc\`), ${cpu}, Node ${process.version}, ${cfnLintVersion};
load average ${loadavg().map((n) => n.toFixed(1)).join(', ')} at the end of the run (the machine is shared).
Date: ${new Date().toISOString().slice(0, 10)}.

Policies validated per second on one core, median of ${ROUNDS} rounds of 0.5 s, per elapsed
second and (in brackets) per CPU second of the measured process. cfn-lint's rate is per policy
within one run over a template of ${COPIES} roles, start-up excluded.

| Policy | lab-check per second | cfn-lint per second | ratio |
| --- | --- | --- | --- |
${rows.join('\n')}

Parsing the canonical policy with momoa alone, the floor under every check: ${format(parseRate.wall)} per second (${format(parseRate.cpu)} per CPU second).

Hostile input, median time of one validation:

| Input | Time |
| --- | --- |
${badRows.join('\n')}`);
