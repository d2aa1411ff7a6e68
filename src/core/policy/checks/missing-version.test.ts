import { caseTable } from './case-table.ts';
import * as check from './missing-version.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 1 }],
    },
  ],
});
