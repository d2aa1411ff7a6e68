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

/** Calls per second of `run` over rounds of about half a second each. */
function rate(run: () => unknown): number {
  for (let i = 0; i < 2000; i++) run();
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < 500) {
      for (let i = 0; i < 100; i++) run();
      count += 100;
    }
    rates.push(count / ((performance.now() - started) / 1000));
  }
  return median(rates);
}

function badInputTime(text: string): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    validatePolicy(text);
    times.push(performance.now() - started);
  }
  return median(times);
}

const folder = mkdtempSync(join(tmpdir(), 'lab-check-bench-'));

/** Seconds cfn-lint takes on a template with `copies` roles, each with `policy` as its trust policy. */
function cfnLintSeconds(policy: string, copies: number): number | undefined {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < copies; i++) {
    resources[`Role${i}`] = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: JSON.parse(policy) } };
  }
  const file = join(folder, `roles-${copies}.json`);
  writeFileSync(file, JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }));
  const started = performance.now();
  const result = spawnSync('cfn-lint', ['--format', 'json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) return undefined;
  return (performance.now() - started) / 1000;
}

function cfnLintRate(policy: string): { rate: number; startup: number } | undefined {
  const startups: number[] = [];
  const totals: number[] = [];
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
    const one = cfnLintSeconds(policy, 1);
    const many = cfnLintSeconds(policy, COPIES);
    if (one === undefined || many === undefined) return undefined;
    startups.push(one);
    totals.push(many);
  }
  const startup = median(startups);
  return { rate: (COPIES - 1) / Math.max(1e-6, median(totals) - startup), startup };
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
  const ratio = theirs ? `${format(ours / theirs.rate)}x` : 'n/a';
  const theirsText = theirs ? `${format(theirs.rate)} (plus ${theirs.startup.toFixed(1)} s start-up per run)` : 'cfn-lint not found';
  rows.push(`| ${name} | ${format(ours)} | ${theirsText} | ${ratio} |`);
}
const parseRate = rate(() => parseJson(CANONICAL));
const badRows = bad.map(([name, text]) => `| ${name} | ${badInputTime(text).toFixed(1)} ms |`);
const cfnLintVersion = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? 'not found';

console.log(`## Policy validator

Command: \`taskset -c 0 npm run bench:policy -- --rounds ${ROUNDS} --cfn-lint-copies ${COPIES}\`
Machine: ${cpus().length} cores (\`nproc\`), ${cpu}, Node ${process.version}, ${cfnLintVersion};
load average ${loadavg().map((n) => n.toFixed(1)).join(', ')} at the end of the run (the machine is shared).
Date: ${new Date().toISOString().slice(0, 10)}.

Policies validated per second on one core, median of ${ROUNDS} rounds of 0.5 s.
cfn-lint's rate is per policy within one run over a template of ${COPIES} roles, start-up excluded.

| Policy | lab-check | cfn-lint | ratio |
| --- | --- | --- | --- |
${rows.join('\n')}

Parsing the canonical policy with momoa alone, the floor under every check: ${format(parseRate)} per second.

Hostile input, median time of one validation:

| Input | Time |
| --- | --- |
${badRows.join('\n')}`);
