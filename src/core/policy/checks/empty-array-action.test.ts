import { caseTable } from './case-table.ts';
import * as check from './empty-array-action.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": []}]}',
      findings: [{ line: 1, column: 109, data: { element: 'Action' } }],
    },
  ],
});
