/**
 * Differential test against the real AWS CLI: every command of the corpus is run through
 * /usr/bin/aws (aws-cli 2.9.19 from Debian) pointed at a closed loopback port, so that a command
 * the CLI accepts fails to connect and nothing leaves the machine. Each row states whether the
 * CLI accepts the command and, if not, the code the validator must give; the test checks the
 * validator against the row and, where the CLI is installed, the row against the CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCommand, type CommandCodeName } from './index.ts';

const AWS = '/usr/bin/aws';
const FIXTURES = fileURLToPath(new URL('./testdata/', import.meta.url));
const ARN = 'arn:aws:iam::123456789012:role/demo';
const ASSUME = `aws sts assume-role --role-arn ${ARN}`;
const CREATE = 'aws iam create-role --role-name lab-role --assume-role-policy-document';
const TRUST_INLINE = `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`;

interface Row {
  command: string;
  /** What the CLI does: sends the request (`accept`), or rejects it with the validator's `code`. */
  cli: 'accept' | CommandCodeName;
  /** A code the validator must give to a command the CLI accepts but the service rejects. */
  service?: string;
}

const CORPUS: Row[] = [
  { command: 'aws sts get-caller-identity', cli: 'accept' },
  { command: `${ASSUME} --role-session-name lab-session`, cli: 'accept' },
  { command: `aws sts assume-role --role-session-name lab --role-arn ${ARN}`, cli: 'accept' },
  { command: `aws sts assume-role --role-arn=${ARN} --role-session-name=lab`, cli: 'accept' },
  { command: `aws sts assume-role --role-a ${ARN} --role-s lab`, cli: 'accept' },
  { command: `${ASSUME} --role-session-name lab --duration-seconds 3600`, cli: 'accept' },
  { command: `${ASSUME} --role-session-name lab --duration-seconds 99999`, cli: 'accept', service: 'VALUE_TOO_LARGE' },
  { command: `${ASSUME} --role-session-name 'bad name'`, cli: 'accept', service: 'VALUE_PATTERN_MISMATCH' },
  { command: 'aws --region eu-west-1 --output json sts get-caller-identity', cli: 'accept' },
  { command: 'aws sts get-caller-identity --output text --query Account', cli: 'accept' },
  { command: `aws sts assume-role \\\n  --role-arn ${ARN} \\\n  --role-session-name lab`, cli: 'accept' },
  { command: `${ASSUME} --role-session-name lab --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess`, cli: 'accept' },
  { command: `${ASSUME} --role-session-name lab --tags Key=team,Value=lab --transitive-tag-keys team`, cli: 'accept' },
  { command: `aws sts assume-role --cli-input-json '{"RoleArn":"${ARN}","RoleSessionName":"lab"}'`, cli: 'accept' },
  { command: `${CREATE} file://trust.json`, cli: 'accept' },
  { command: `${CREATE} file://./trust.json --description "Lab role" --max-session-duration 7200`, cli: 'accept' },
  { command: `${CREATE} ${TRUST_INLINE}`, cli: 'accept' },
  { command: `${CREATE} trust.json`, cli: 'accept', service: 'VALUE_LOOKS_LIKE_FILE' },
  { command: `${CREATE} file://bad-effect.json`, cli: 'accept', service: 'INVALID_EFFECT' },
  { command: `${CREATE} file://trust.json --tags Key=team,Value=lab Key=env,Value=dev`, cli: 'accept' },
  { command: `${CREATE} file://trust.json --tags '[{"Key":"team","Value":"lab"}]'`, cli: 'accept' },
  { command: `${CREATE} file://trust.json --max-session-duration 100000`, cli: 'accept', service: 'VALUE_TOO_LARGE' },
  { command: `${CREATE} file://trust.json --permissions-boundary arn:aws:iam::aws:policy/PowerUserAccess`, cli: 'accept' },
  { command: `aws iam create-role --role-name 'lab role' --assume-role-policy-document file://trust.json`, cli: 'accept', service: 'VALUE_PATTERN_MISMATCH' },
  { command: 'aws iam list-roles --max-items 5', cli: 'accept' },
  { command: 'aws iam list-roles --no-paginate --max-items 5', cli: 'accept' },
  { command: 'aws iam list-roles --marker abc', cli: 'accept' },
  { command: 'aws iam list-roles --path-prefix /lab/', cli: 'accept' },
  { command: 'aws iam list-mfa-devices', cli: 'accept' },
  { command: 'aws iam get-role --role-name lab-role', cli: 'accept' },
  { command: 'aws iam attach-role-policy --role-name lab-role --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess', cli: 'accept' },
  { command: 'aws iam put-role-policy --role-name lab-role --policy-name read --policy-document file://identity.json', cli: 'accept' },
  { command: 'aws iam update-assume-role-policy --role-name lab-role --policy-document file://trust.json', cli: 'accept' },
  { command: `${CREATE} file://trust.json --generate-cli-skeleton`, cli: 'accept' },
  { command: 'aws s3api list-buckets', cli: 'accept' },
  { command: 'aws s3api list-objects-v2 --bucket lab-bucket --max-items 10', cli: 'accept' },
  { command: 'aws s3api list-objects-v2 --bucket lab-bucket --page-size 5', cli: 'accept' },
  { command: 'aws s3api get-object --bucket lab-bucket --key a.txt out.txt', cli: 'accept' },
  { command: 'aws s3api put-object --bucket lab-bucket --key a.txt --body body.txt', cli: 'accept' },
  { command: 'aws s3api create-bucket --bucket lab-bucket --create-bucket-configuration LocationConstraint=eu-west-1', cli: 'accept' },
  { command: 'aws s3api put-bucket-versioning --bucket lab-bucket --versioning-configuration Status=Enabled', cli: 'accept' },
  { command: 'aws s3api put-bucket-versioning --bucket lab-bucket --versioning-configuration Status=enabled', cli: 'accept', service: 'VALUE_NOT_IN_ENUM' },
  { command: 'aws', cli: 'SERVICE_MISSING' },
  { command: 'aws stss get-caller-identity', cli: 'SERVICE_UNKNOWN' },
  { command: 'aws sts', cli: 'OPERATION_MISSING' },
  { command: 'aws sts AssumeRole', cli: 'OPERATION_UNKNOWN' },
  { command: ASSUME, cli: 'OPTION_REQUIRED_MISSING' },
  { command: `${ASSUME} --role-session-name lab --mfa 123456`, cli: 'OPTION_UNKNOWN' },
  { command: `aws sts assume-role --role ${ARN}`, cli: 'OPTION_AMBIGUOUS' },
  { command: `${ASSUME} --role-session-name`, cli: 'OPTION_VALUE_MISSING' },
  { command: `${ASSUME} --role-session-name a`, cli: 'VALUE_TOO_SHORT' },
  { command: `${ASSUME} --role-session-name lab --duration-seconds abc`, cli: 'VALUE_NOT_INTEGER' },
  { command: `${ASSUME} --role-session-name lab --duration-seconds 60`, cli: 'VALUE_TOO_SMALL' },
  { command: 'aws sts assume-role --role-arn short --role-session-name lab', cli: 'VALUE_TOO_SHORT' },
  { command: `${ASSUME} --role-session-name lab --tags '[{"Key": 1, "Value": "x"}]'`, cli: 'VALUE_INVALID_TYPE' },
  { command: `aws sts assume-role --cli-input-json '{"RoleArn":"${ARN}"}'`, cli: 'OPTION_REQUIRED_MISSING' },
  { command: `aws sts assume-role --cli-input-json '{"RoleArn":"${ARN}","RoleSessionName":"lab","Foo":1}'`, cli: 'VALUE_UNKNOWN_KEY' },
  { command: `${CREATE} file://missing.json`, cli: 'FILE_NOT_FOUND' },
  { command: `${CREATE} fileb://trust.json`, cli: 'VALUE_INVALID_TYPE' },
  { command: `${CREATE} file://trust.json --tags Key=a,Vale=b`, cli: 'VALUE_UNKNOWN_KEY' },
  { command: `${CREATE} file://trust.json --tags 'Key=a,Value'`, cli: 'VALUE_INVALID_TYPE' },
  { command: `${CREATE} file://trust.json --tags Key`, cli: 'VALUE_INVALID_SHORTHAND' },
  { command: `${CREATE} file://trust.json --tags Key=a,Value=b,Key=c`, cli: 'VALUE_INVALID_SHORTHAND' },
  { command: `${CREATE} file://trust.json --tags '[{"Key":"a",}]'`, cli: 'VALUE_INVALID_JSON' },
  { command: `${CREATE} file://trust.json --max-session-duration 1.5`, cli: 'VALUE_NOT_INTEGER' },
  { command: 'aws iam create-role --role-name lab-role --description=none', cli: 'OPTION_REQUIRED_MISSING' },
  { command: 'aws iam get-role --role-name ""', cli: 'VALUE_TOO_SHORT' },
  { command: 'aws iam list-roles --max-items abc', cli: 'VALUE_NOT_INTEGER' },
  { command: 'aws iam list-roles --output xml', cli: 'OPTION_INVALID_CHOICE' },
  { command: 'aws sts get-caller-identity --cli-read-timeout abc', cli: 'VALUE_NOT_INTEGER' },
  { command: 'aws sts get-caller-identity --debug=yes', cli: 'OPTION_FLAG_VALUE' },
  { command: 'aws sts get-caller-identity extra', cli: 'ARGUMENT_UNEXPECTED' },
  { command: 'aws s3api list-objects-v2 --bucket lab-bucket --no-paginate --max-items 5', cli: 'PAGINATION_CONFLICT' },
  { command: 'aws s3api get-object --bucket lab-bucket --key a.txt', cli: 'OPTION_REQUIRED_MISSING' },
  { command: 'aws s3api list-objects-v2 --bucket s3://lab-bucket', cli: 'BUCKET_NAME_INVALID' },
  { command: 'aws s3api put-object --bucket lab-bucket --key a.txt --body missing.txt', cli: 'BLOB_NOT_A_FILE' },
];

const readFixture = (path: string): string | undefined => {
  const full = join(FIXTURES, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

test('differential corpus has at least 50 commands', () => {
  assert.ok(CORPUS.length >= 50, `${CORPUS.length} rows`);
});

test('validator agrees with the corpus', () => {
  for (const row of CORPUS) {
    const result = validateCommand(row.command, { files: readFixture });
    const cliErrors = result.findings.filter((f) => f.severity === 'error' && f.rejectedBy === 'cli').map((f) => f.code);
    if (row.cli === 'accept') {
      assert.deepEqual(cliErrors, [], row.command);
      if (row.service) {
        const finding = result.findings.find((f) => f.code === row.service);
        assert.equal(finding?.rejectedBy, 'service', `${row.command}: ${row.service}`);
      } else {
        assert.equal(result.valid, true, `${row.command}: ${result.findings.map((f) => f.code).join(', ')}`);
      }
    } else {
      assert.ok(cliErrors.includes(row.cli), `${row.command}: expected ${row.cli}, got ${cliErrors.join(', ')}`);
    }
  }
});

interface CliOutcome {
  accepted: boolean;
  code: number | null;
  stderr: string;
}

/** Runs a corpus command with bash and the real CLI; connection failure means the CLI accepted it. */
function runCli(command: string, home: string): Promise<CliOutcome> {
  const script = command.replace(/^aws\b/, `${AWS} --endpoint-url http://127.0.0.1:9 --cli-connect-timeout 1`);
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
  return new Promise((resolve) => {
    execFile('/bin/bash', ['-c', script], { cwd: FIXTURES, env, timeout: 30_000 }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      const accepted = code === 0 || /Could not connect to the endpoint URL|Connect timeout/.test(stderr);
      resolve({ accepted, code, stderr });
    });
  });
}

/** Runs `task` over `items` with at most `limit` at a time, because the CLI takes about a second per run. */
async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

const cliMissing = existsSync(AWS) ? false : `${AWS} is not installed (Debian package awscli), so the CLI side is not run`;

test('corpus agrees with the real AWS CLI', { skip: cliMissing, timeout: 300_000 }, async () => {
  const home = mkdtempSync(join(tmpdir(), 'lab-check-aws-'));
  writeFileSync(join(home, 'config'), '');
  writeFileSync(join(home, 'credentials'), '');
  const outcomes = await mapLimited(CORPUS, 2, (row) => runCli(row.command, home));
  const disagreements: string[] = [];
  CORPUS.forEach((row, i) => {
    const outcome = outcomes[i];
    if (!outcome) return;
    if (outcome.accepted !== (row.cli === 'accept')) {
      disagreements.push(`${row.command}\n  CLI exit ${outcome.code}: ${outcome.stderr.trim().split('\n').at(-1)}`);
    }
  });
  assert.deepEqual(disagreements, []);
});
