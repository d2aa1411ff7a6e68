ec2_trust_policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]}'
create_role="aws iam create-role --role-name AppServerRole --assume-role-policy-document file://ec2-trust-policy.json"
create_profile="aws iam create-instance-profile --instance-profile-name AppServerProfile"
add_role="aws iam add-role-to-instance-profile --role-name AppServerRole"
