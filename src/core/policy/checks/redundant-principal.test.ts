import { caseTable } from './case-table.ts';
import * as check from './redundant-principal.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["111122223333", "444455556666"]}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:root"]}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 99, data: { duplicateOf: '111122223333' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "ec2.amazonaws.com"]}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 108 }],
    },
  ],
});
