import { caseTable } from './case-table.ts';
import * as check from './wildcard-action-in-role-trust-policy.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:*"}]}',
      findings: [{ line: 1, column: 109, data: { notAction: false } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "*"}]}',
      findings: [{ line: 1, column: 109, data: { notAction: false } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "NotAction": "sts:AssumeRoleWithSAML"}]}',
      findings: [{ line: 1, column: 99, data: { notAction: true } }],
    },
  ],
});
