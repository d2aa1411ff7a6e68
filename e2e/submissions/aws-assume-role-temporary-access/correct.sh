#!/bin/sh
trust_policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}'
role_name=TemporaryAccessRole
assume_role_command="aws sts assume-role \
  --role-arn arn:aws:iam::123456789012:role/$role_name \
  --role-session-name TempSession \
  --duration-seconds 900"
create_role_command="aws iam create-role --role-name $role_name --assume-role-policy-document file://trust-policy.json"
