import { caseTable } from './case-table.ts';
import * as check from './type-mismatch-boolean.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": ["true", "False", true]}, "Null": {"sts:ExternalId": "false"}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "yes"}}}]}',
      findings: [{ line: 1, column: 180, data: { value: 'yes', operator: 'Bool' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Null": {"sts:ExternalId": 0}}}]}',
      findings: [{ line: 1, column: 168, data: { value: '0' } }],
    },
  ],
});
