import { caseTable } from './case-table.ts';
import * as check from './duplicate-key.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 61, data: { key: 'Effect', firstLine: 1 } }],
    },
    {
      text: `{
  "Version": "2012-10-17",
  "Version": "2012-10-17",
  "Statement": []
}`,
      findings: [{ line: 3, column: 3, data: { key: 'Version', firstLine: 2 } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333", "AWS": "444455556666"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 98, data: { key: 'AWS' } }],
    },
  ],
});
