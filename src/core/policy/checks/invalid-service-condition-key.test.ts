import { caseTable } from './case-table.ts';
import * as check from './invalid-service-condition-key.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x", "saml:aud": "https://signin.aws.amazon.com/saml", "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:a:b", "sts:RequestContext/x": "y"}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalID2": "x"}}}]}',
      findings: [{ line: 1, column: 158, data: { knownService: true, suggestion: 'sts:externalid' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"foo:bar": "x"}}}]}',
      findings: [{ line: 1, column: 158, data: { knownService: false } }],
    },
  ],
});
