import { caseTable } from './case-table.ts';
import * as check from './redundant-principal-in-role-trust-policy.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Admin", "arn:aws:sts::111122223333:assumed-role/Other/s"]}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Admin", "arn:aws:sts::111122223333:assumed-role/Admin/s"]}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 123, data: { parentRole: 'arn:aws:iam::111122223333:role/Admin' } }],
    },
  ],
});
