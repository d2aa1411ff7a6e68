/**
 * Commands with the AWS CLI's verdict on each (aws-cli 2.9.19, checked by differential.test.ts),
 * shared by the differential test and scripts/bench-command.ts. Paths are relative to testdata/.
 */
import type { CommandCodeName } from './messages.ts';

const ARN = 'arn:aws:iam::123456789012:role/demo';
const ASSUME = `aws sts assume-role --role-arn ${ARN}`;
const CREATE = 'aws iam create-role --role-name lab-role --assume-role-policy-document';
const TRUST_INLINE = `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`;

export interface CorpusRow {
  command: string;
  /** The CLI's verdict: `accept` when it sends the request, else the code the validator gives. */
  cli: 'accept' | CommandCodeName;
  /** A code the validator must give to a command the CLI accepts but the service rejects. */
  service?: string;
}

export const CORPUS: CorpusRow[] = [
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
  { command: 'aws sts assume-role --generate-cli-skeleton', cli: 'accept' },
  { command: 'aws sts assume-role --generate-cli-skeleton output', cli: 'OPTION_REQUIRED_MISSING' },
  // An input skeleton is printed before botocore validates the parameters, but after files are read.
  { command: `${ASSUME} --role-session-name a --generate-cli-skeleton`, cli: 'accept' },
  { command: `${ASSUME} --role-session-name a --generate-cli`, cli: 'accept' },
  { command: `${ASSUME} --generate-cli`, cli: 'OPTION_REQUIRED_MISSING' },
  { command: `${CREATE} file://missing.json --generate-cli-skeleton`, cli: 'FILE_NOT_FOUND' },
  // Help is shown right after parsing: unknown options and files are not looked at.
  { command: 'aws sts assume-role help', cli: 'accept' },
  { command: `${ASSUME} --role-session-name lab --bogus help`, cli: 'accept' },
  { command: `${CREATE} file://missing.json help`, cli: 'accept' },
  { command: `${ASSUME} help`, cli: 'OPTION_REQUIRED_MISSING' },
  { command: 'aws s3api list-buckets', cli: 'accept' },
  { command: 'aws --version', cli: 'accept' },
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
  // Python's int() reads any Unicode decimal digit, but no other character that is not ASCII.
  { command: `${ASSUME} --role-session-name lab --duration-seconds \uff11\uff12\uff10\uff10`, cli: 'accept' },
  { command: `${CREATE} file://trust.json --max-session-duration \u0663\u0666\u0660\u0660`, cli: 'accept' },
  { command: 'aws iam list-roles --max-items \uff15', cli: 'accept' },
  { command: `${ASSUME} --role-session-name lab --duration-seconds \uff11\uff0e\uff15`, cli: 'VALUE_NOT_INTEGER' },
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
  // Characters that word processors, chat apps and web pages put in place of ASCII ones.
  { command: `aws sts assume-role \u2014role-arn ${ARN} \u2013role-session-name lab`, cli: 'OPTION_LOOKALIKE_DASH' },
  { command: `aws sts assume-role \u2212role-arn ${ARN} --role-session-name lab`, cli: 'OPTION_LOOKALIKE_DASH' },
  { command: `aws sts assume-role \u2010\u2010role-arn ${ARN} --role-session-name lab`, cli: 'OPTION_LOOKALIKE_DASH' },
  { command: `aws sts assume-role \u2011role-arn ${ARN} --role-session-name lab`, cli: 'OPTION_LOOKALIKE_DASH' },
  { command: `aws sts assume-role \ufe63\ufe63role-arn ${ARN} --role-session-name lab`, cli: 'OPTION_LOOKALIKE_DASH' },
  { command: `aws sts assume-role \uff0d\uff0drole-arn ${ARN} --role-session-name lab`, cli: 'OPTION_LOOKALIKE_DASH' },
  { command: `aws sts assume-role -role-arn ${ARN} --role-session-name lab`, cli: 'OPTION_LOOKALIKE_DASH' },
  { command: `${ASSUME} --role-session-name lab \u2014duration-seconds 900`, cli: 'OPTION_LOOKALIKE_DASH' },
  { command: 'aws sts get-caller-identity \u2014output json', cli: 'OPTION_LOOKALIKE_DASH' },
  { command: 'aws \u2014version', cli: 'OPTION_LOOKALIKE_DASH' },
  { command: `aws sts assume-role --role-arn\u00a0${ARN} --role-session-name lab`, cli: 'OPTION_LOOKALIKE_CHARACTER' },
  { command: `${ASSUME} --role-session\u200b-name lab`, cli: 'OPTION_LOOKALIKE_CHARACTER' },
  { command: '\uff41\uff57\uff53 sts get-caller-identity', cli: 'COMMAND_LOOKALIKE' },
  { command: `${ASSUME}\u200b --role-session-name lab`, cli: 'accept' },
  { command: `${ASSUME} --role-session-name=lab\u00a0x`, cli: 'accept', service: 'VALUE_PATTERN_MISMATCH' },
  { command: 'aws iam get-role --role-name \u2014role-name', cli: 'accept', service: 'VALUE_PATTERN_MISMATCH' },
  { command: 'aws iam get-role --role-name \u201clab\u201d', cli: 'accept', service: 'VALUE_PATTERN_MISMATCH' },
  { command: `aws sts assume-role --cli-input-yaml 'RoleArn: ${ARN}\nRoleSessionName: lab'`, cli: 'accept' },
  { command: `aws sts assume-role --cli-input-yaml '{"RoleArn": "${ARN}", "RoleSessionName": "lab"}'`, cli: 'accept' },
];

export interface UndecidedRow {
  command: string;
  /** The warning the validator gives instead of a verdict. */
  warning: CommandCodeName;
}

/**
 * Commands that the AWS CLI rejects but the validator cannot decide: it reports them valid, with
 * a warning. It does not parse YAML, and it does not know the CLI's environment, which file://
 * paths with `~` or `$NAME` depend on. The CLI runs with an empty home folder here.
 */
export const UNDECIDED: UndecidedRow[] = [
  { command: `aws sts assume-role --cli-input-yaml 'RoleArn: ${ARN}'`, warning: 'CLI_INPUT_YAML_NOT_CHECKED' },
  { command: "aws sts assume-role --cli-input-yaml 'RoleArn: [unclosed'", warning: 'CLI_INPUT_YAML_NOT_CHECKED' },
  { command: "aws sts assume-role --cli-input-yaml '- 1'", warning: 'CLI_INPUT_YAML_NOT_CHECKED' },
  { command: `aws sts assume-role --cli-input-yaml 'RoleArn: ${ARN}\nRoleSessionName: lab\nFoo: 1'`, warning: 'CLI_INPUT_YAML_NOT_CHECKED' },
  { command: `${CREATE} file://~/trust.json`, warning: 'FILE_PATH_HOME' },
  { command: `${CREATE} 'file://$LAB_CHECK_UNSET/trust.json'`, warning: 'FILE_PATH_UNKNOWN' },
];
