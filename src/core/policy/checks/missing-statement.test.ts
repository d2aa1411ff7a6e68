import { caseTable } from './case-table.ts';
import * as check from './missing-statement.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17"}',
      findings: [{ line: 1, column: 1, data: { empty: false } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": []}',
      findings: [{ line: 1, column: 40, data: { empty: true } }],
    },
  ],
});
