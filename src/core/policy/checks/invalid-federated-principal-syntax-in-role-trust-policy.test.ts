import { caseTable } from './case-table.ts';
import * as check from './invalid-federated-principal-syntax-in-role-trust-policy.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "accounts.google.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"accounts.google.com:aud": "app"}}}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"}, "Action": "sts:AssumeRoleWithSAML"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:role/Okta"}, "Action": "sts:AssumeRoleWithSAML"}]}',
      findings: [{ line: 1, column: 88, data: { reason: 'provider-type' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "google"}, "Action": "sts:AssumeRoleWithWebIdentity"}]}',
      findings: [{ line: 1, column: 88, data: { reason: 'format' } }],
    },
  ],
});
