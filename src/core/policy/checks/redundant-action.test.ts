import { caseTable } from './case-table.ts';
import * as check from './redundant-action.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", "sts:assumerole"]}]}',
      findings: [{ line: 1, column: 128, data: { coveredBy: 'sts:AssumeRole' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:Assume*", "sts:AssumeRole"]}]}',
      findings: [{ line: 1, column: 125, data: { coveredBy: 'sts:Assume*' } }],
    },
  ],
});
