import { caseTable } from './case-table.ts';
import * as check from './unsupported-element-combination.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "NotAction": "sts:TagSession"}]}',
      findings: [{ line: 1, column: 127, data: { element1: 'Action', element2: 'NotAction' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*", "NotResource": "*"}]}',
      kind: 'identity',
      findings: [{ line: 1, column: 124, data: { element1: 'Resource' } }],
    },
  ],
});
