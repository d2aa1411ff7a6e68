trust_policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}'
role_name = "temporaryaccessrole"
assume_role_command = "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole"
create_role_command = "aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document trust-policy.json"
