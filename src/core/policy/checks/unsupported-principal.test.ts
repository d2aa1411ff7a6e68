import { caseTable } from './case-table.ts';
import * as check from './unsupported-principal.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]}',
      kind: 'identity',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*", "Principal": {"AWS": "111122223333"}}]}',
      kind: 'identity',
      findings: [{ line: 1, column: 124, data: { element: 'Principal' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*", "NotPrincipal": {"AWS": "111122223333"}}]}',
      kind: 'identity',
      findings: [{ line: 1, column: 124, data: { element: 'NotPrincipal' } }],
    },
  ],
});
