import { caseTable } from './case-table.ts';
import * as check from './invalid-service-in-action.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s*:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "stss:AssumeRole"}]}',
      findings: [{ line: 1, column: 109, data: { service: 'stss', suggestion: 'sts' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "security-token:AssumeRole"}]}',
      findings: [{ line: 1, column: 109, data: { service: 'security-token' } }],
    },
  ],
});
