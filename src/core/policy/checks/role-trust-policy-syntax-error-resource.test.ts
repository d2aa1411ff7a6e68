import { caseTable } from './case-table.ts';
import * as check from './role-trust-policy-syntax-error-resource.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]}',
      kind: 'identity',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Resource": "*"}]}',
      findings: [{ line: 1, column: 127, data: { element: 'Resource' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "NotResource": "arn:aws:iam::111122223333:role/x"}]}',
      findings: [{ line: 1, column: 127, data: { element: 'NotResource' } }],
    },
  ],
});
