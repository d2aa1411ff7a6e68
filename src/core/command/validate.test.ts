import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../findings.ts';
import { COMMAND_CODES, validateCommand, type CommandCodeName, type ValidateCommandOptions } from './index.ts';
import { offsetOf } from './locate.ts';

const ARN = 'arn:aws:iam::123456789012:role/demo';
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const FILES: Record<string, string> = { 'trust.json': TRUST, 'bad.json': '{"Version": "2012-10-17", "Statement": [{"Effect": "allow"}]}', 'body.txt': 'hello' };
const files: ValidateCommandOptions['files'] = (path) => FILES[path.replace(/^\.\//, '')];

/** Returns the text that a finding's span covers. */
function spanText(text: string, finding: Finding): string {
  if (finding.line === undefined || finding.column === undefined) return '';
  const start = offsetOf(text, finding.line, finding.column);
  const end = offsetOf(text, finding.endLine ?? finding.line, finding.endColumn ?? finding.column);
  return text.slice(start, end);
}

const VALID: string[] = [
  'aws sts get-caller-identity',
  `aws sts assume-role --role-arn ${ARN} --role-session-name lab`,
  `aws sts assume-role --role-session-name=lab --role-arn="${ARN}"`,
  `aws sts assume-role \\\n  --role-arn ${ARN} \\\n  --role-session-name lab  # comment`,
  `ROLE_ARN=${ARN}\naws sts assume-role --role-arn "$ROLE_ARN" --role-session-name lab`,
  `aws iam create-role --role-name lab-role --assume-role-policy-document file://trust.json`,
  `aws iam create-role --role-name lab-role --assume-role-policy-document '${TRUST}' --tags Key=a,Value=b`,
  'aws iam list-roles --no-paginate --max-items 5 --output table',
  'aws s3api put-object --bucket lab-bucket --key k --body body.txt --expires 2030-01-01T00:00:00Z',
  'aws s3api put-bucket-versioning --bucket b1 --versioning-configuration \'{"Status": "Enabled"}\'',
  'aws --version',
];

/** Each invalid command, with the code expected and the text its span must cover. */
const INVALID: Array<[string, CommandCodeName | string, string]> = [
  ["aws sts assume-role --role-session-name 'lab", 'SHELL_UNCLOSED_QUOTE', "'"],
  [`A=x\n${'A="$A$A"\n'.repeat(21)}aws sts get-caller-identity --output "$A"`, 'SHELL_EXPANSION_TOO_LONG', '$A'],
  ['if true; then A=json; fi\naws sts get-caller-identity --output "$A"', 'SHELL_VARIABLE_UNREADABLE', '$A'],
  ['aws sts assume-role --role-arn $(get-arn', 'SHELL_UNCLOSED_EXPANSION', '$'],
  ['aws sts get-caller-\0identity', 'SHELL_NUL_BYTE', '\0'],
  ['aws iam get-role --role-name \u201clab\u201d', 'SHELL_CURLY_QUOTE', '\u201c'],
  ['aws sts get-caller-identity ^\n  --output json', 'SHELL_CARET_CONTINUATION', '^'],
  ['aws sts get-caller-identity `\n  --output json', 'SHELL_BACKTICK_CONTINUATION', '`'],
  ['aws sts get-caller-identity \\ \n  --output json', 'SHELL_SPACE_AFTER_BACKSLASH', '\\ \n'],
  ['aws sts get-caller-identity && echo done', 'SHELL_OPERATOR', '&&'],
  ['false && aws sts get-caller-identity', 'SHELL_COMMAND_BEFORE', '&&'],
  ['aws sts get-caller-identity; aws iam delete-role --role-name r', 'SHELL_OTHER_AWS_COMMAND', 'aws'],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name lab --generate-cli-skeleton`, 'COMMAND_SKELETON', '--generate-cli-skeleton'],
  ['aws sts get-caller-identity --version', 'COMMAND_VERSION', '--version'],
  ['aws sts get-caller-identity > out.json', 'SHELL_REDIRECTION', '>'],
  ['aws iam get-role --role-name $(cat name.txt)', 'SHELL_COMMAND_SUBSTITUTION', '$(cat name.txt)'],
  ['aws iam get-role --role-name "$ROLE"', 'SHELL_UNKNOWN_VARIABLE', '$ROLE'],
  ['NAME="a b"; aws iam get-role --role-name $NAME', 'SHELL_WORD_SPLIT', '$NAME'],
  ['   # only a comment', 'COMMAND_EMPTY', ''],
  ['aws2 sts get-caller-identity', 'COMMAND_NOT_AWS', 'aws2'],
  ['\uff41\uff57\uff53 sts get-caller-identity', 'COMMAND_LOOKALIKE', '\uff41\uff57\uff53'],
  ['aws sts help', 'COMMAND_HELP', 'help'],
  ['aws --region us-east-1', 'SERVICE_MISSING', 'aws'],
  ['aws stss get-caller-identity', 'SERVICE_UNKNOWN', 'stss'],
  ['aws ec2 describe-instances', 'SERVICE_NOT_MODELLED', 'ec2'],
  ['aws sts', 'OPERATION_MISSING', 'sts'],
  ['aws sts AssumeRole', 'OPERATION_UNKNOWN', 'AssumeRole'],
  ['aws iam wait role-exists --role-name r', 'OPERATION_NOT_MODELLED', 'wait'],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name lab --mfa 1`, 'OPTION_UNKNOWN', '--mfa'],
  ['aws iam get-role --role-name my role', 'ARGUMENT_UNEXPECTED', 'role'],
  [`aws sts assume-role --role ${ARN}`, 'OPTION_AMBIGUOUS', '--role'],
  [`aws sts assume-role --role-a ${ARN} --role-s lab`, 'OPTION_ABBREVIATED', '--role-a'],
  ['aws iam get-role --role-name a --role-name b', 'OPTION_REPEATED', '--role-name'],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name`, 'OPTION_VALUE_MISSING', '--role-session-name'],
  ['aws sts get-caller-identity --debug=yes', 'OPTION_FLAG_VALUE', '--debug=yes'],
  [`aws sts assume-role \u2014role-arn ${ARN} --role-session-name lab`, 'OPTION_LOOKALIKE_DASH', '\u2014'],
  [`aws sts assume-role --role-arn\u00a0${ARN} --role-session-name lab`, 'OPTION_LOOKALIKE_CHARACTER', '\u00a0'],
  [`aws sts assume-role --role-arn ${ARN}\u200b --role-session-name lab`, 'SHELL_LOOKALIKE_CHARACTER', '\u200b'],
  ['aws sts get-caller-identity --output xml', 'OPTION_INVALID_CHOICE', 'xml'],
  [`aws sts assume-role --role-arn ${ARN}`, 'OPTION_REQUIRED_MISSING', 'assume-role'],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name lab --duration-seconds 1h`, 'VALUE_NOT_INTEGER', '1h'],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name lab --duration-seconds \u0663\u0666\u0660\u0660`, 'VALUE_DIGITS_NOT_ASCII', '\u0663\u0666\u0660\u0660'],
  ['aws iam create-role --role-name r --assume-role-policy-document x --tags \'[{"Key": "a"\'', 'VALUE_INVALID_JSON', '"'],
  ['aws iam create-role --role-name r --assume-role-policy-document x --tags Key', 'VALUE_INVALID_SHORTHAND', 'y'],
  ['aws iam create-role --role-name r --assume-role-policy-document x --tags Key=a,Vale=b', 'VALUE_UNKNOWN_KEY', 'Vale=b'],
  ['aws iam create-role --role-name r --assume-role-policy-document x --tags \'[{"Key": 1, "Value": "v"}]\'', 'VALUE_INVALID_TYPE', '1'],
  ['aws iam create-role --role-name r --assume-role-policy-document x --tags Key=a', 'VALUE_MISSING_MEMBER', 'Key=a'],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name a`, 'VALUE_TOO_SHORT', 'a'],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name lab --duration-seconds 60`, 'VALUE_TOO_SMALL', '60'],
  ['aws s3api put-object --bucket b1 --key k --expires soon', 'VALUE_INVALID_TIMESTAMP', 'soon'],
  ['aws iam create-role --role-name r --assume-role-policy-document file://missing.json', 'FILE_NOT_FOUND', 'file://missing.json'],
  ['aws iam create-role --role-name r --assume-role-policy-document file://~/trust.json', 'FILE_PATH_HOME', 'file://~/trust.json'],
  ["aws iam create-role --role-name r --assume-role-policy-document 'file://$DIR/trust.json'", 'FILE_PATH_UNKNOWN', 'file://$DIR/trust.json'],
  ['aws s3api put-object --bucket b1 --key k --body missing.txt', 'BLOB_NOT_A_FILE', 'missing.txt'],
  ['aws s3api list-objects-v2 --bucket s3://b1', 'BUCKET_NAME_INVALID', 's3://b1'],
  ["aws sts assume-role --cli-input-json '[1]'", 'CLI_INPUT_INVALID', '[1]'],
  ["aws sts assume-role --cli-input-json '{}' --cli-input-yaml 'a: 1'", 'CLI_INPUT_CONFLICT', '--cli-input-yaml'],
  ["aws sts assume-role --cli-input-yaml 'RoleArn: x'", 'CLI_INPUT_YAML_NOT_CHECKED', '--cli-input-yaml'],
  ['aws s3api list-objects-v2 --bucket b1 --no-paginate --max-items 5', 'PAGINATION_CONFLICT', '--max-items'],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name ${'x'.repeat(65)}`, 'VALUE_TOO_LONG', 'x'.repeat(65)],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name lab --duration-seconds 50000`, 'VALUE_TOO_LARGE', '50000'],
  ['aws iam get-role --role-name "my role"', 'VALUE_PATTERN_MISMATCH', 'my role'],
  ['aws s3api put-bucket-versioning --bucket b1 --versioning-configuration Status=enabled', 'VALUE_NOT_IN_ENUM', 'Status=enabled'],
  ['aws iam create-role --role-name r --assume-role-policy-document trust.json', 'VALUE_LOOKS_LIKE_FILE', 'trust.json'],
  [`aws iam create-role --role-name r --assume-role-policy-document '{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}'`, 'INVALID_EFFECT', '"allow"'],
];

/** Codes that no iam, sts or s3api command can produce, or that only a bug produces. */
const UNREACHABLE = new Set(['INTERNAL_ERROR', 'VALUE_NOT_NUMBER', 'FILE_NOT_READ']);

test('valid commands have no errors', () => {
  for (const text of VALID) {
    const result = validateCommand(text, { files });
    assert.deepEqual(result.findings.filter((f) => f.severity === 'error').map((f) => f.code), [], text);
    assert.equal(result.valid, true, text);
  }
});

test('invalid commands give their code at the right place', () => {
  for (const [text, code, covered] of INVALID) {
    const result = validateCommand(text, { files });
    const finding = result.findings.find((f) => f.code === code);
    assert.ok(finding, `${JSON.stringify(text)}: expected ${code}, got ${result.findings.map((f) => f.code).join(', ')}`);
    assert.equal(spanText(text, finding), covered, `${JSON.stringify(text)}: span of ${code}`);
  }
});

test('every finding code has a case', () => {
  const covered = new Set(INVALID.map(([, code]) => code));
  const missing = Object.keys(COMMAND_CODES).filter((code) => !covered.has(code) && !UNREACHABLE.has(code));
  assert.deepEqual(missing, []);
});

test('every finding code has a description', () => {
  for (const [code, entry] of Object.entries(COMMAND_CODES)) assert.ok(entry.description.length > 10, code);
});

test('parsed result names service, operation and typed parameters', () => {
  const text = `aws --region eu-west-1 iam create-role --role-name lab --assume-role-policy-document file://./trust.json --max-session-duration 7200 --tags Key=a,Value=b`;
  const result = validateCommand(text, { files });
  assert.equal(result.service, 'iam');
  assert.equal(result.operation, 'CreateRole');
  assert.equal(result.parameters.RoleName, 'lab');
  assert.equal(result.parameters.MaxSessionDuration, 7200);
  assert.deepEqual(result.parameters.Tags, [{ Key: 'a', Value: 'b' }]);
  assert.equal(result.parameters.AssumeRolePolicyDocument, TRUST);
  assert.deepEqual(result.globals, { region: 'eu-west-1' });
  assert.deepEqual(result.fileReferences, [{ parameter: 'AssumeRolePolicyDocument', scheme: 'file', path: 'trust.json', found: true }]);
  const span = result.parameterSpans.RoleName;
  assert.ok(span);
  assert.equal(spanText(text, { code: '', severity: 'error', message: '', ...span }), 'lab');
});

test('boolean flags and their no- forms', () => {
  const on = validateCommand('aws s3api put-public-access-block --bucket b1 --public-access-block-configuration BlockPublicAcls=true');
  assert.deepEqual(on.parameters.PublicAccessBlockConfiguration, { BlockPublicAcls: true });
  const off = validateCommand('aws iam create-login-profile --user-name u --password p --no-password-reset-required');
  assert.equal(off.parameters.PasswordResetRequired, false);
  const flag = validateCommand('aws iam create-login-profile --user-name u --password p --password-reset-required');
  assert.equal(flag.parameters.PasswordResetRequired, true);
});

test('policy findings in a referenced file carry the file', () => {
  const result = validateCommand('aws iam create-role --role-name r --assume-role-policy-document file://bad.json', { files });
  const finding = result.findings.find((f) => f.code === 'INVALID_EFFECT');
  assert.ok(finding);
  assert.equal(finding.data?.file, 'bad.json');
  assert.equal(finding.rejectedBy, 'service');
  assert.equal(finding.line, 1);
  assert.equal(FILES['bad.json']?.slice((finding.column ?? 1) - 1, (finding.endColumn ?? 1) - 1), '"allow"');
});

test('file references without a provider are not read', () => {
  const result = validateCommand('aws iam create-role --role-name r --assume-role-policy-document file://trust.json');
  assert.deepEqual(result.findings.map((f) => f.code), ['FILE_NOT_READ']);
  assert.equal(result.fileReferences[0]?.found, false);
});

test('variables from the caller are substituted', () => {
  const result = validateCommand('aws iam get-role --role-name "$ROLE"', { variables: { ROLE: 'lab-role' } });
  assert.equal(result.parameters.RoleName, 'lab-role');
  assert.equal(result.valid, true);
});

test('severity overrides apply by code', () => {
  const result = validateCommand('aws iam get-role --role-name "my role"', { overrides: { VALUE_PATTERN_MISMATCH: 'off' } });
  assert.equal(result.valid, true);
});

const A = `aws sts assume-role --role-arn ${ARN} --role-session-name lab`;

/**
 * Texts that run other commands than the aws command, or none, with the findings expected
 * (`CODE@line:column`) and, for SHELL_COMMAND_BEFORE, whether the aws command never runs.
 */
const OTHER_COMMANDS: Array<[string, string[], boolean?]> = [
  [`false && ${A}`, ['SHELL_COMMAND_BEFORE@1:7'], true],
  [`exit; ${A}`, ['SHELL_COMMAND_BEFORE@1:5'], true],
  [`true || ${A}`, ['SHELL_COMMAND_BEFORE@1:6'], true],
  [`echo hi; ${A}`, ['SHELL_COMMAND_BEFORE@1:8'], false],
  [`cd /tmp\n${A}`, ['SHELL_COMMAND_BEFORE@1:8'], false],
  [`echo x | ${A}`, ['SHELL_COMMAND_BEFORE@1:8'], false],
  [`${A} ; aws sts assume-role --role-arn arn:aws:iam::999999999999:role/other --role-session-name x`, ['SHELL_OTHER_AWS_COMMAND@1:94']],
  [`${A} | sudo aws iam delete-role --role-name r`, ['SHELL_OTHER_AWS_COMMAND@1:99']],
  [`${A} && sh -c 'aws iam delete-role --role-name r'`, ['SHELL_OTHER_AWS_COMMAND@1:101']],
  [`${A} && echo done`, ['SHELL_OPERATOR@1:92']],
  [`ROLE=x; export NAME=y && ${A}`, []],
];

test('other commands at their place', () => {
  for (const [text, expected, never] of OTHER_COMMANDS) {
    const result = validateCommand(text);
    assert.deepEqual(result.findings.map((f) => `${f.code}@${f.line}:${f.column}`), expected, text);
    assert.equal(result.valid, true, text);
    assert.equal(result.operation, 'AssumeRole', text);
    const before = result.findings.find((f) => f.code === 'SHELL_COMMAND_BEFORE');
    if (never !== undefined) assert.equal(before?.data?.never, never, text);
  }
});

/** Commands that send no request, with the findings expected: the CLI checks only part of them. */
const NO_REQUEST: Array<[string, string[]]> = [
  [`${A} --generate-cli-skeleton`, ['COMMAND_SKELETON@1:92']],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name a --generate-cli-skeleton`, ['COMMAND_SKELETON@1:90']],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name a --generate-cli-skeleton output`, ['VALUE_TOO_SHORT@1:88', 'COMMAND_SKELETON@1:90']],
  ['aws iam create-role --role-name r --assume-role-policy-document file://bad.json --generate-cli-skeleton', ['COMMAND_SKELETON@1:81']],
  ['aws iam create-role --role-name r --assume-role-policy-document file://missing.json --generate-cli-skeleton', ['FILE_NOT_FOUND@1:65', 'COMMAND_SKELETON@1:85']],
  [`aws sts assume-role --role-arn ${ARN} --role-session-name a --generate-cli`, ['COMMAND_SKELETON@1:90', 'OPTION_ABBREVIATED@1:90']],
  [`${A} help`, ['COMMAND_HELP@1:92']],
  ['aws sts assume-role help', ['COMMAND_HELP@1:21']],
  [`${A} --bogus help`, ['COMMAND_HELP@1:100']],
  ['aws iam create-role --role-name r --assume-role-policy-document file://missing.json help', ['COMMAND_HELP@1:85']],
  [`aws sts assume-role --role-arn ${ARN} help`, ['OPTION_REQUIRED_MISSING@1:9', 'COMMAND_HELP@1:68']],
  [`${A} --version`, ['COMMAND_VERSION@1:92']],
];

test('no-request commands checked as the CLI', () => {
  for (const [text, expected] of NO_REQUEST) {
    const result = validateCommand(text, { files });
    assert.deepEqual(result.findings.map((f) => `${f.code}@${f.line}:${f.column}`), expected, text);
  }
});

/** file:// paths that awscli expands, with the path read and the code expected. */
const EXPANDED_PATHS: Array<[string, string, CommandCodeName]> = [
  ['file://~/trust.json', 'trust.json', 'FILE_PATH_HOME'],
  ["'file://$HOME/trust.json'", 'trust.json', 'FILE_PATH_HOME'],
  ['file://$HOME/trust.json', 'trust.json', 'FILE_PATH_HOME'],
  ['"file://${HOME}/trust.json"', 'trust.json', 'FILE_PATH_HOME'],
  ['file://~//trust.json', 'trust.json', 'FILE_PATH_HOME'],
  ['file://~/missing.json', '~/missing.json', 'FILE_PATH_UNKNOWN'],
  ['file://~user/trust.json', '~user/trust.json', 'FILE_PATH_UNKNOWN'],
  ["'file://${DIR}/trust.json'", '${DIR}/trust.json', 'FILE_PATH_UNKNOWN'],
  ['file://$HOME/$NAME.json', '$HOME/$NAME.json', 'SHELL_UNKNOWN_VARIABLE'],
];

test('expanded file paths', () => {
  for (const [path, read, code] of EXPANDED_PATHS) {
    const result = validateCommand(`aws iam create-role --role-name r --assume-role-policy-document ${path}`, { files });
    assert.ok(result.findings.some((f) => f.code === code), `${path}: ${result.findings.map((f) => f.code).join(', ')}`);
    assert.equal(result.valid, true, path);
    assert.ok(!result.findings.some((f) => f.code === 'FILE_NOT_FOUND'), path);
    if (code !== 'SHELL_UNKNOWN_VARIABLE') assert.equal(result.fileReferences[0]?.path, read, path);
  }
});

/** Commands of very many words, each with the first finding expected and its line and column. */
const MANY_WORDS: Array<[string, string, CommandCodeName, number, number]> = [
  ['150,000 words', `aws ${'x '.repeat(150_000)}`, 'SERVICE_UNKNOWN', 1, 5],
  ['150,000 stray values', `aws sts get-caller-identity ${'x '.repeat(150_000)}`, 'ARGUMENT_UNEXPECTED', 1, 29],
  ['50,000 continued lines', `${'aws sts assume-role \\\n'.repeat(50_000)}--role-arn x\n`, 'ARGUMENT_UNEXPECTED', 2, 1],
];

test('many words at their place', () => {
  for (const [name, text, code, line, column] of MANY_WORDS) {
    const result = validateCommand(text);
    const codes = result.findings.map((f) => f.code);
    assert.ok(!codes.includes('INTERNAL_ERROR'), name);
    const finding = result.findings.find((f) => f.code === code);
    assert.ok(finding, `${name}: expected ${code}, got ${codes.slice(0, 5).join(', ')}`);
    assert.deepEqual([finding.line, finding.column], [line, column], name);
  }
});

test('hostile input gives findings quickly', () => {
  const inputs: string[] = [
    "aws sts assume-role --role-arn 'unclosed",
    `aws sts assume-role --role-arn ${ARN} --role-session-name ${'x'.repeat(100_000)}`,
    'aws iam create-role ' + '--x y '.repeat(10_000),
    'aws iam create-role ' + '--role-name r '.repeat(10_000),
    'aws iam create-role --role-name r --assume-role-policy-document x --tags ' + 'Key=a,Value=b '.repeat(10_000),
    'aws sts get-caller-identity \0\0\0' + '\0'.repeat(100_000),
    'aws ' + 'x'.repeat(100_000),
    `aws sts assume-role --role-arn ${ARN} --role-session-name lab --duration-seconds ${'\u{1d7ff}'.repeat(200_000)}`,
    `aws iam create-role --role-name r --assume-role-policy-document '${'['.repeat(50_000)}'`,
    `aws iam create-role --role-name r --assume-role-policy-document x --tags '${'['.repeat(50_000)}'`,
    42 as unknown as string,
  ];
  for (const text of inputs) {
    // CPU time, because elapsed time on a shared machine depends on the other jobs.
    const started = process.cpuUsage();
    const result = validateCommand(text);
    const used = process.cpuUsage(started);
    const cpuMs = (used.user + used.system) / 1000;
    assert.ok(result.findings.length > 0, String(text).slice(0, 40));
    // A loose bound that catches a hang or quadratic work; docs/benchmarks.md has the measured times.
    assert.ok(cpuMs < 1000, `${cpuMs.toFixed(0)} ms of CPU for ${String(text).slice(0, 40)}`);
  }
});
