import { caseTable } from './case-table.ts';
import * as check from './invalid-arn-prefix.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]}',
      kind: 'identity',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["*", "arn:aws:s3:::b/*"]}]}',
      kind: 'identity',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "my-bucket/*"}]}',
      kind: 'identity',
      findings: [{ line: 1, column: 99, data: { resource: 'my-bucket/*' } }],
    },
  ],
});
