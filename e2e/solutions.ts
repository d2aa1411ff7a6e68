/**
 * Learner code for the lab "Assuming roles for temporary access": the
 * reference solution in Python, one text per step, and common mistakes,
 * each with the step it breaks and the finding code the engine reports.
 */

const TRUST_POLICY = `trust_policy = '''{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
      "Action": "sts:AssumeRole"
    }
  ]
}'''`;

export const SOLUTION: Readonly<Record<string, string>> = {
  'trust-policy': TRUST_POLICY,
  'role-name': 'role_name = "TemporaryAccessRole"',
  'assume-role-command':
    'assume_role_command = "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole --role-session-name TempSession"',
  'create-role-command':
    'create_role_command = "aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document file://trust-policy.json"',
};

export const STEP_IDS = Object.keys(SOLUTION);

/** The quiz's correct options, by question number. */
export const QUIZ_ANSWERS: Readonly<Record<string, string>> = { '1': 'B', '2': 'A', '3': 'A', '4': 'D', '5': 'C' };

export interface Mistake {
  name: string;
  step: string;
  /** The step's code with the mistake. */
  code: string;
  /** A finding code the failed step must carry. */
  expected: string;
}

const policyWith = (from: string, to: string): string => {
  if (!TRUST_POLICY.includes(from)) throw new Error(`The reference trust policy has no ${from}`);
  return TRUST_POLICY.replace(from, to);
};

const commandWith = (step: string, from: string, to: string): string => {
  const code = SOLUTION[step] ?? '';
  if (!code.includes(from)) throw new Error(`The reference ${step} has no ${from}`);
  return code.replace(from, to);
};

export const MISTAKES: readonly Mistake[] = [
  {
    name: 'lowercase effect',
    step: 'trust-policy',
    code: policyWith('"Allow"', '"allow"'),
    expected: 'INVALID_EFFECT',
  },
  {
    name: 'missing principal',
    step: 'trust-policy',
    code: policyWith('"Principal": {"AWS": "arn:aws:iam::123456789012:root"},\n      ', ''),
    expected: 'MISSING_PRINCIPAL',
  },
  {
    name: 'trailing comma in the JSON',
    step: 'trust-policy',
    code: policyWith('"sts:AssumeRole"', '"sts:AssumeRole",'),
    expected: 'JSON_SYNTAX_ERROR',
  },
  {
    name: 'another account as principal',
    step: 'trust-policy',
    code: policyWith('123456789012:root', '210987654321:root'),
    expected: 'GRANT_MISSING',
  },
  {
    name: 'unsupported version',
    step: 'trust-policy',
    code: policyWith('"2012-10-17"', '"2024-01-01"'),
    expected: 'INVALID_VERSION',
  },
  {
    name: 'role name in lowercase',
    step: 'role-name',
    code: 'role_name = "temporaryaccessrole"',
    expected: 'STRING_CASE_MISMATCH',
  },
  {
    name: 'another role name',
    step: 'role-name',
    code: 'role_name = "TempAccessRole"',
    expected: 'STRING_MISMATCH',
  },
  {
    name: 'Resource in a trust policy',
    step: 'trust-policy',
    code: policyWith('"Action": "sts:AssumeRole"', '"Action": "sts:AssumeRole",\n      "Resource": "*"'),
    expected: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE',
  },
  {
    name: 'assume-role under iam',
    step: 'assume-role-command',
    code: commandWith('assume-role-command', 'aws sts assume-role', 'aws iam assume-role'),
    expected: 'OPERATION_UNKNOWN',
  },
  {
    name: 'create-role in the assume step',
    step: 'assume-role-command',
    code: `assume_role_command = ${JSON.stringify(SOLUTION['create-role-command']?.split(' = ')[1]?.slice(1, -1))}`,
    expected: 'WRONG_OPERATION',
  },
  {
    name: 'session name left out',
    step: 'assume-role-command',
    code: commandWith('assume-role-command', ' --role-session-name TempSession', ''),
    expected: 'OPTION_REQUIRED_MISSING',
  },
  {
    name: 'another session name',
    step: 'assume-role-command',
    code: commandWith('assume-role-command', 'TempSession', 'TempSess'),
    expected: 'PARAMETER_MISMATCH',
  },
  {
    name: 'session longer than the role allows',
    step: 'assume-role-command',
    code: commandWith('assume-role-command', 'TempSession', 'TempSession --duration-seconds 7200'),
    expected: 'LIMIT_EXCEEDED',
  },
  {
    name: 'policy file without file://',
    step: 'create-role-command',
    code: commandWith('create-role-command', 'file://trust-policy.json', 'trust-policy.json'),
    expected: 'FILE_PREFIX_MISSING',
  },
];
