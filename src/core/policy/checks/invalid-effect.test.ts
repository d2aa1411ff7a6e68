import { caseTable } from './case-table.ts';
import * as check from './invalid-effect.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 52, data: { effect: 'allow', suggestion: 'Allow' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "ALLOW", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 52, data: { suggestion: 'Allow' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 52, data: { effect: 'Permit' } }],
    },
  ],
});
