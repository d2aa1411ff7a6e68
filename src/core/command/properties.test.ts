// Property tests of the command validator over generated hostile and valid
// input. fast-check prints the seed and path of a failing run; keep such a
// case as a literal test in validate.test.ts and fix the validator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findingSpanProblem, withinTimeLimit, randomText } from '../property-testing.ts';
import { validateCommand, type CommandValidation } from './index.ts';

const RUNS = 300;
const ARN = 'arn:aws:iam::123456789012:role/TemporaryAccessRole';
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]}';
const files = (path: string): string | undefined => (path.replace(/^\.\//, '') === 'trust-policy.json' ? TRUST : undefined);

// The first validation of each service builds its parser tables; that one-time cost is not timed.
for (const service of ['sts assume-role', 'iam create-role --assume-role-policy-document file://trust-policy.json', 's3api put-object']) {
  validateCommand(`aws ${service}`, { files });
}

function validate(text: string): CommandValidation {
  return withinTimeLimit(() => validateCommand(text, { files }), `validateCommand of ${text.length} characters`);
}

function assertSpansInside(text: string, result: CommandValidation): void {
  const shown = JSON.stringify(text.slice(0, 300));
  assert.equal(result.findings.find((finding) => finding.code === 'INTERNAL_ERROR'), undefined, `the validator threw on ${shown}`);
  for (const finding of result.findings) assert.equal(findingSpanProblem(text, finding), undefined, shown);
  for (const [name, span] of Object.entries(result.parameterSpans)) {
    assert.equal(findingSpanProblem(text, { code: name, severity: 'error', message: '', ...span }), undefined, shown);
  }
}

/** Pieces of AWS CLI commands and shell syntax, so that random sequences reach the argument parsers. */
const COMMAND_TOKENS = [
  'aws', ' ', ' ', '\t', '\\\n', '\n', 'sts', 'iam', 's3api', 's3', 'assume-role', 'create-role', 'get-role',
  'put-object', 'help', '--role-arn', '--role-arn=', '--role-session-name', '--role-name', '--duration-seconds',
  '--assume-role-policy-document', '--tags', '--policy-arns', '--output', 'json', '--query', '--no-paginate',
  '--region', '--profile', '--debug', '--cli-input-json', '--generate-cli-skeleton', ARN, 'TempSession', '3600',
  '-1', '1e99', 'file://trust-policy.json', 'file://missing.json', 'fileb://x', `'${TRUST}'`, '"', "'", '{', '}',
  '[', ']', ',', '=', 'Key=a,Value=b', 'arn=x', '[{"arn":"a"}]', '$ROLE', '"$(cat x)"', '`id`', '|', ';', '&&',
  '#', '<<EOF', 'EOF', '\u201c', '\u00a0', '--', '-', '\u0000',
];
const commandSoup = fc.array(fc.constantFrom(...COMMAND_TOKENS), { maxLength: 80 }).map((parts) => parts.join(''));

test('random text never throws', () => {
  fc.assert(
    fc.property(randomText, (text) => {
      assertSpansInside(text, validate(text));
    }),
    { numRuns: RUNS },
  );
});

test('command token soup never throws', () => {
  fc.assert(
    fc.property(commandSoup, (soup) => {
      const text = `aws ${soup}`;
      assertSpansInside(text, validate(text));
    }),
    { numRuns: RUNS * 3 },
  );
});

/** Valid commands as lists of words; each word contains no whitespace or shell syntax. */
const VALID_COMMANDS: readonly string[][] = [
  ['aws', 'sts', 'assume-role', '--role-arn', ARN, '--role-session-name', 'TempSession'],
  ['aws', 'sts', 'assume-role', '--role-session-name=lab', `--role-arn=${ARN}`, '--duration-seconds', '900'],
  ['aws', 'iam', 'create-role', '--role-name', 'TemporaryAccessRole', '--assume-role-policy-document', 'file://trust-policy.json'],
  ['aws', 'iam', 'get-role', '--role-name', 'TemporaryAccessRole', '--output', 'json'],
  ['aws', 'sts', 'get-caller-identity'],
];

/** Extra spaces and tabs, and line continuations followed by indentation, between two words. */
const separator = fc
  .array(fc.constantFrom(' ', '  ', '\t', ' \\\n', ' \\\n    ', '\\\n\t'), { minLength: 1, maxLength: 3 })
  .map((parts) => ` ${parts.join('')}`);

test('valid command stays valid with extra spaces', () => {
  fc.assert(
    fc.property(fc.constantFrom(...VALID_COMMANDS), fc.array(separator, { minLength: 1 }), fc.constantFrom('', ' ', '\n', '  # done\n'), (words, seps, trailer) => {
      const plain = validate(words.join(' '));
      assert.equal(plain.valid, true, `${words.join(' ')}: ${plain.findings.map((finding) => finding.code).join(', ')}`);

      const spaced = `${words.map((word, i) => (i === 0 ? word : `${seps[i % seps.length]}${word}`)).join('')}${trailer}`;
      const result = validate(spaced);
      assert.equal(result.valid, true, `${JSON.stringify(spaced)}: ${result.findings.map((finding) => finding.code).join(', ')}`);
      assert.equal(result.operation, plain.operation);
      assert.deepEqual(result.parameters, plain.parameters);
      assertSpansInside(spaced, result);
    }),
    { numRuns: RUNS },
  );
});

test('doubled variable stops at the expansion limit', () => {
  const text = `A=x\n${'A="$A$A"\n'.repeat(40)}aws sts assume-role --role-arn arn:aws:iam::123456789012:role/demo --role-session-name "$A"`;
  const started = process.cpuUsage();
  const result = validateCommand(text);
  const used = process.cpuUsage(started);
  assert.ok(used.user + used.system < 5_000_000, 'took over 5 s of CPU time');
  assert.equal(result.valid, false);
  assert.ok(result.findings.some((finding) => finding.code === 'SHELL_EXPANSION_TOO_LONG'));
});
