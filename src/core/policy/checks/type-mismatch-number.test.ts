import { caseTable } from './case-table.ts';
import * as check from './type-mismatch-number.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": ["3600", 7200]}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "1h"}}}]}',
      findings: [{ line: 1, column: 187, data: { value: '1h' } }],
    },
  ],
});
