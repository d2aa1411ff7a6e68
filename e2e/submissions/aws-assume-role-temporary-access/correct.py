import json

trust_policy = json.dumps({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": "sts:AssumeRole",
        }
    ],
})

role_name = "TemporaryAccessRole"

assume_role_command = (
    "aws sts assume-role "
    "--role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole "
    "--role-session-name TempSession"
)

create_role_command = (
    f"aws iam create-role --role-name {role_name} "
    "--assume-role-policy-document file://trust-policy.json"
)
