import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCommand } from './index.ts';

const ARN = 'arn:aws:iam::123456789012:role/demo';

interface LookalikeCase {
  command: string;
  /** Every finding expected, as `CODE@line:column`, sorted as the validator sorts them. */
  findings: string[];
  /** The code point reported in the first finding's data. */
  codePoint?: string;
  /** What the command reads as once the lookalikes are replaced: `parameters` of the result. */
  parameters?: Record<string, unknown>;
}

const LOOKALIKE_CODES = new Set([
  'OPTION_LOOKALIKE_DASH', 'OPTION_LOOKALIKE_CHARACTER', 'SHELL_LOOKALIKE_CHARACTER', 'COMMAND_LOOKALIKE', 'SHELL_CURLY_QUOTE',
]);

const summary = (command: string): string[] =>
  validateCommand(command).findings.map((finding) => `${finding.code}@${finding.line}:${finding.column}`);

const CASES: LookalikeCase[] = [
  {
    command: `aws sts assume-role \u2014role-arn ${ARN} \u2013role-session-name lab`,
    findings: ['OPTION_LOOKALIKE_DASH@1:21', 'OPTION_LOOKALIKE_DASH@1:67'],
    codePoint: 'U+2014',
    parameters: { RoleArn: ARN, RoleSessionName: 'lab' },
  },
  { command: `aws sts assume-role \u2212role-arn ${ARN} --role-session-name lab`, findings: ['OPTION_LOOKALIKE_DASH@1:21'], codePoint: 'U+2212' },
  { command: `aws sts assume-role \u2010\u2010role-arn ${ARN} --role-session-name lab`, findings: ['OPTION_LOOKALIKE_DASH@1:21'], codePoint: 'U+2010' },
  { command: `aws sts assume-role \u2011role-arn ${ARN} --role-session-name lab`, findings: ['OPTION_LOOKALIKE_DASH@1:21'], codePoint: 'U+2011' },
  { command: `aws sts assume-role \ufe63\ufe63role-arn ${ARN} --role-session-name lab`, findings: ['OPTION_LOOKALIKE_DASH@1:21'], codePoint: 'U+FE63' },
  { command: `aws sts assume-role \uff0d\uff0drole-arn ${ARN} --role-session-name lab`, findings: ['OPTION_LOOKALIKE_DASH@1:21'], codePoint: 'U+FF0D' },
  { command: `aws sts assume-role -\u2013role-arn ${ARN} --role-session-name lab`, findings: ['OPTION_LOOKALIKE_DASH@1:21'], codePoint: 'U+2013' },
  { command: `aws sts assume-role -role-arn ${ARN} --role-session-name lab`, findings: ['OPTION_LOOKALIKE_DASH@1:21'], codePoint: 'U+002D' },
  { command: `aws sts assume-role "\u2014role-arn=${ARN}" --role-session-name lab`, findings: ['OPTION_LOOKALIKE_DASH@1:22'], parameters: { RoleArn: ARN, RoleSessionName: 'lab' } },
  { command: 'aws sts get-caller-identity \u2014output json', findings: ['OPTION_LOOKALIKE_DASH@1:29'] },
  { command: 'aws \u2014region us-east-1 sts get-caller-identity', findings: ['OPTION_LOOKALIKE_DASH@1:5'] },
  { command: 'aws \u2014version', findings: ['OPTION_LOOKALIKE_DASH@1:5', 'COMMAND_VERSION@1:5'] },
  {
    command: `aws sts assume-role \\\n  \u2014role-arn ${ARN} \\\n  --role-session-name a`,
    findings: ['OPTION_LOOKALIKE_DASH@2:3', 'VALUE_TOO_SHORT@3:23'],
  },
  { command: `aws sts assume-role --role\u2010arn ${ARN} --role-session-name lab`, findings: ['OPTION_LOOKALIKE_CHARACTER@1:27'], codePoint: 'U+2010' },
  { command: `aws sts assume-role --role-arn ${ARN} --role-session\u200b-name lab`, findings: ['OPTION_LOOKALIKE_CHARACTER@1:82'], codePoint: 'U+200B' },
  { command: `aws sts assume-role --role-arn ${ARN} --\uff52ole-session-name lab`, findings: ['OPTION_LOOKALIKE_CHARACTER@1:70'], codePoint: 'U+FF52' },
  {
    command: `aws sts assume-role --role-arn\u00a0${ARN} --role-session-name lab`,
    findings: ['OPTION_LOOKALIKE_CHARACTER@1:31'],
    codePoint: 'U+00A0',
    parameters: { RoleArn: ARN, RoleSessionName: 'lab' },
  },
  { command: `aws sts assume-role --role-arn\u202f${ARN} --role-session-name\u3000lab`, findings: ['OPTION_LOOKALIKE_CHARACTER@1:31', 'OPTION_LOOKALIKE_CHARACTER@1:87'] },
  { command: '\uff41\uff57\uff53 sts get-caller-identity', findings: ['COMMAND_LOOKALIKE@1:1'], codePoint: 'U+FF41' },
  { command: 'aws\u00a0sts get-caller-identity', findings: ['COMMAND_LOOKALIKE@1:4'], codePoint: 'U+00A0' },
  { command: 'aws\u200b sts get-caller-identity', findings: ['COMMAND_LOOKALIKE@1:1'], codePoint: 'U+200B' },
  // A dash that the CLI reads as a value, or a character inside a value, keeps the value as written.
  { command: `aws sts assume-role --role-arn ${ARN}\u200b --role-session-name lab`, findings: ['SHELL_LOOKALIKE_CHARACTER@1:67'], codePoint: 'U+200B' },
  { command: `aws sts assume-role --role-arn ${ARN} --role-session-name=lab\u00a0x`, findings: ['VALUE_PATTERN_MISMATCH@1:88', 'SHELL_LOOKALIKE_CHARACTER@1:91'] },
  { command: 'aws iam get-role --role-name \u2014role-name', findings: ['VALUE_PATTERN_MISMATCH@1:30'] },
  { command: 'aws iam get-role --role-name lab \u2014foo', findings: ['ARGUMENT_UNEXPECTED@1:34'] },
  { command: 'aws iam get-role --role-name \u201clab\u201d', findings: ['VALUE_PATTERN_MISMATCH@1:30', 'SHELL_CURLY_QUOTE@1:30'], codePoint: 'U+201C' },
  { command: 'aws iam get-role --role-name \uff02lab\uff02', findings: ['VALUE_PATTERN_MISMATCH@1:30', 'SHELL_CURLY_QUOTE@1:30'], codePoint: 'U+FF02' },
];

test('lookalike characters get their own findings', () => {
  for (const { command, findings } of CASES) assert.deepEqual(summary(command), findings, JSON.stringify(command));
});

test('lookalike findings name the character', () => {
  for (const { command, codePoint } of CASES) {
    if (!codePoint) continue;
    const first = validateCommand(command).findings.find((finding) => LOOKALIKE_CODES.has(finding.code));
    assert.equal(first?.data?.codePoint, codePoint, JSON.stringify(command));
    // The message of a single ASCII hyphen says "one hyphen" instead.
    if (codePoint !== 'U+002D') assert.ok(first?.message.includes(codePoint), `${JSON.stringify(command)}: ${first?.message}`);
  }
});

test('lookalike options are checked as meant', () => {
  for (const { command, parameters } of CASES) {
    if (parameters) assert.deepEqual(validateCommand(command).parameters, parameters, JSON.stringify(command));
  }
});

test('lookalike dash message and hint', () => {
  const [finding] = validateCommand(`aws sts assume-role \u2014role-arn ${ARN} --role-session-name lab`).findings;
  assert.equal(finding?.severity, 'error');
  assert.equal(finding?.rejectedBy, 'cli');
  assert.match(finding?.message ?? '', /EM DASH/);
  assert.match(finding?.hint ?? '', /two ASCII hyphens \(--\)/);
  assert.match(finding?.hint ?? '', /word processors and chat apps/);
});

test('single hyphen hint needs no dash name', () => {
  const [finding] = validateCommand(`aws sts assume-role -role-arn ${ARN} --role-session-name lab`).findings;
  assert.match(finding?.message ?? '', /starts with one hyphen/);
  assert.match(finding?.hint ?? '', /--role-arn with two ASCII hyphens/);
});

test('messages show invisible characters as escapes', () => {
  const [finding] = validateCommand(`aws sts assume-role --role-arn\u00a0${ARN} --role-session-name lab`).findings;
  assert.ok(finding?.message.includes('\\u00a0'), finding?.message);
  assert.ok(!finding?.message.includes('\u00a0'), finding?.message);
});

test('hostile runs of lookalikes stay fast', () => {
  const inputs = [
    `aws sts assume-role ${'\u2014'.repeat(100_000)}role-arn x`,
    `aws sts assume-role --role-arn${'\u00a0'.repeat(20_000)}x`,
    `aws sts assume-role ${'--role-arn\u00a0x '.repeat(5_000)}`,
    `${'\uff41\uff57\uff53\u00a0'.repeat(5_000)}`,
    `aws sts assume-role '${'-a\u00a0'.repeat(10_000)}'`,
    `aws sts assume-role ${'-\u200b'.repeat(200_000)}`,
  ];
  for (const command of inputs) {
    const started = process.cpuUsage();
    const result = validateCommand(command);
    const used = process.cpuUsage(started);
    assert.ok(result.findings.length > 0);
    // A loose bound that catches quadratic work; CPU time, because other jobs share the machine.
    assert.ok((used.user + used.system) / 1000 < 2000, JSON.stringify(command.slice(0, 30)));
  }
});
