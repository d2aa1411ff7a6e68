// Benchmarks value extraction on a typical 40-line submission per language,
// against the bare parse (Lezer, or the shell lexer) of the same text in the
// same run, so that the cost of evaluation shows as a ratio.
//
//   taskset -c 0 npx tsx scripts/bench-extract.ts [--rounds 7]
//
// Rates are medians over rounds of about half a second each, on one core
// (Node's main thread), per second of the process's CPU time.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parser as javascriptParser } from '@lezer/javascript';
import { parser as pythonParser } from '@lezer/python';
import { extractAssignments, type Language } from '../src/core/extract/index.ts';
import { lexShell } from '../src/core/shell/index.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const ROUNDS = Number(values.rounds);

const PYTHON = `import json

# Step 1: the trust policy that lets the account assume the role
trust_policy = json.dumps({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": "sts:AssumeRole",
        }
    ],
}, indent=2)

# Step 2: the role name
role_name = "TemporaryAccessRole"

account_id = "123456789012"
session = 'TempSession'

# Step 3: assume the role
assume_role_command = (
    "aws sts assume-role "
    f"--role-arn arn:aws:iam::{account_id}:role/{role_name} "
    f"--role-session-name {session}"
)

# Step 4: create the role from the saved trust policy
create_role_command = (
    "aws iam create-role --role-name " + role_name +
    " --assume-role-policy-document file://trust-policy.json"
)

max_duration = 3600
tags = ["lab", "temporary"]
debug = False
note = None
description = """Role that the lab
assumes for temporary access."""
`;

const JAVASCRIPT = `// Step 1: the trust policy that lets the account assume the role
const trustPolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Action: "sts:AssumeRole",
    },
  ],
};
export const trust_policy = JSON.stringify(trustPolicyDocument, null, 2);

// Step 2: the role name
export const role_name = "TemporaryAccessRole";

const accountId = "123456789012";
const session = 'TempSession';

// Step 3: assume the role
export const assume_role_command =
  \`aws sts assume-role --role-arn arn:aws:iam::\${accountId}:role/\${role_name} \` +
  \`--role-session-name \${session}\`;

// Step 4: create the role from the saved trust policy
export const create_role_command =
  "aws iam create-role --role-name " + role_name +
  " --assume-role-policy-document file://trust-policy.json";

const maxDuration = 3600;
const tags = ["lab", "temporary"];
let debug = false;
let note = null;
const description = \`Role that the lab
assumes for temporary access.\`;
const unused = undefined;
const region = "us-east-1";
const profile = 'default';
`;

const SHELL = `#!/bin/sh
# Step 1: the trust policy that lets the account assume the role
trust_policy='{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
      "Action": "sts:AssumeRole"
    }
  ]
}'

# Step 2: the role name
role_name="TemporaryAccessRole"

account_id=123456789012
session='TempSession'

# Step 3: assume the role
assume_role_command="aws sts assume-role \\
--role-arn arn:aws:iam::$account_id:role/$role_name \\
--role-session-name $session"

# Step 4: create the role from the saved trust policy
create_role_command="aws iam create-role --role-name $role_name --assume-role-policy-document file://trust-policy.json"

export max_duration=3600
readonly tags="lab temporary"
debug=false
note=
description="Role that the lab
assumes for temporary access."
region=us-east-1
profile=default
output=json
echo "$trust_policy" > trust-policy.json
`;

const SUBMISSIONS: { language: Language; code: string; parse: (code: string) => unknown }[] = [
  { language: 'python', code: PYTHON, parse: (code) => pythonParser.parse(code) },
  { language: 'javascript', code: JAVASCRIPT, parse: (code) => javascriptParser.parse(code) },
  { language: 'shell', code: SHELL, parse: (code) => lexShell(code) },
];

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Runs of `work` per second of this process's CPU time, in a round of about
 * half a second. CPU time, not wall time, because other jobs share the machine.
 */
function roundRate(work: () => void): number {
  let count = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - started < 500) {
    for (let i = 0; i < 50; i += 1) work();
    count += 50;
  }
  const used = process.cpuUsage(cpu);
  return (count * 1_000_000) / (used.user + used.system);
}

/**
 * Returns the median rates of `work` and `peer`, measured in alternating
 * rounds so that both see the same load, and the median of their per-round ratios.
 */
function compare(work: () => void, peer: () => void): { rate: number; peerRate: number; ratio: number } {
  for (let i = 0; i < 500; i += 1) {
    work();
    peer();
  }
  const rates: number[] = [];
  const peerRates: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const rate = roundRate(work);
    const peerRate = roundRate(peer);
    rates.push(rate);
    peerRates.push(peerRate);
    ratios.push(rate / peerRate);
  }
  return { rate: median(rates), peerRate: median(peerRates), ratio: median(ratios) };
}

const format = (n: number): string => Math.round(n).toLocaleString('en-US');

console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, load ${loadavg()[0]?.toFixed(2)}`);
console.log(`median of ${ROUNDS} rounds\n`);
// "parse share" is the part of extraction time that the bare parse takes (extraction rate / parse rate).
console.log('| language | lines | assignments | submissions/s | assignments/s | bare parse/s | parse share |');
console.log('|---|---|---|---|---|---|---|');
for (const { language, code, parse } of SUBMISSIONS) {
  const extraction = extractAssignments(code, language);
  const errors = extraction.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) throw new Error(`The ${language} sample has findings: ${errors.map((f) => f.code).join(', ')}`);

  const assignments = extraction.assignments.size;
  const lines = code.split('\n').length - 1;
  const { rate, peerRate, ratio } = compare(
    () => extractAssignments(code, language),
    () => parse(code),
  );
  const share = `${Math.round(ratio * 100)}%`;
  console.log(
    `| ${language} | ${lines} | ${assignments} | ${format(rate)} | ${format(rate * assignments)} | ${format(peerRate)} | ${share} |`,
  );
}
