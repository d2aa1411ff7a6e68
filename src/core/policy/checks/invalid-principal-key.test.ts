import { caseTable } from './case-table.ts';
import * as check from './invalid-principal-key.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"aws": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 75, data: { key: 'aws', suggestion: 'AWS' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Services": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 75, data: { suggestion: 'Service' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"User": "alice"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 75, data: { key: 'User' } }],
    },
  ],
});
