import { caseTable } from './case-table.ts';
import * as check from './invalid-action-format.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "*"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:assumerole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "AssumeRole"}]}',
      findings: [{ line: 1, column: 109, data: { suggestion: 'sts:AssumeRole' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts.AssumeRole"}]}',
      findings: [{ line: 1, column: 109, data: { suggestion: 'sts:AssumeRole' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts: AssumeRole"}]}',
      findings: [{ line: 1, column: 109, data: { suggestion: 'sts:AssumeRole' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts::AssumeRole"}]}',
      findings: [{ line: 1, column: 109, data: { suggestion: 'sts:AssumeRole' } }],
    },
  ],
});
