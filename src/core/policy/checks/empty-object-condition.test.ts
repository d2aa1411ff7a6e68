import { caseTable } from './case-table.ts';
import * as check from './empty-object-condition.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {}}]}',
      findings: [{ line: 1, column: 140, data: { element: 'Condition' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {}}}]}',
      findings: [{ line: 1, column: 157, data: { element: 'StringEquals' } }],
    },
  ],
});
