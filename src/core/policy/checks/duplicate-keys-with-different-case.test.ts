import { caseTable } from './case-table.ts';
import * as check from './duplicate-keys-with-different-case.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x"}, "StringLike": {"sts:externalid": "y*"}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x", "sts:externalid": "y"}}}]}',
      findings: [{ line: 1, column: 181, data: { first: 'sts:ExternalId' } }],
    },
  ],
});
