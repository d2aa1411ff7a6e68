const trust_policy = `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Principal": { "AWS": "123456789012" },
    "Action": ["sts:assumerole"]
  }
}`;

const role_name = 'TemporaryAccessRole';

const assume_role_command =
  'aws sts assume-role --role-session-name=TempSession ' +
  '--role-arn arn:aws:iam::123456789012:role/' + role_name;

const create_role_command = `aws iam create-role --assume-role-policy-document file://./trust-policy.json --role-name ${role_name}`;
