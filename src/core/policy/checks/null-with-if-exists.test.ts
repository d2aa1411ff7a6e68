import { caseTable } from './case-table.ts';
import * as check from './null-with-if-exists.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Null": {"aws:SourceIp": "true"}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"NullIfExists": {"aws:SourceIp": "true"}}}]}',
      findings: [{ line: 1, column: 141 }],
    },
  ],
});
