import { caseTable } from './case-table.ts';
import * as check from './type-mismatch-date.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"DateLessThan": {"aws:CurrentTime": ["2026-12-31T23:59:59Z", "2026-12-31", "${aws:TokenIssueTime}"]}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "31/12/2026"}}}]}',
      findings: [{ line: 1, column: 180, data: { value: '31/12/2026' } }],
    },
  ],
});
