import { caseTable } from './case-table.ts';
import * as check from './forallvalues-with-single-valued-key.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-1"}}}]}',
      findings: [{ line: 1, column: 171, data: { type: 'String' } }],
    },
  ],
});
