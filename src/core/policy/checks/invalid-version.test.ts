import { caseTable } from './case-table.ts';
import * as check from './invalid-version.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-18", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 13, data: { version: '2012-10-18' } }],
    },
    {
      text: '{"Version": "2024-01-01", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 13 }],
    },
    {
      text: '{"Version": "2012/10/17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 13 }],
    },
  ],
});
