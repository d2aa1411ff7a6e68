import { caseTable } from './case-table.ts';
import * as check from './invalid-policy-element.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Id": "TrustPolicy", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 42, data: { element: 'effect', suggestion: 'Effect' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statment": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 27, data: { suggestion: 'Statement', level: 'policy' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principals": {"AWS": "111122223333"}}]}',
      findings: [{ line: 1, column: 89, data: { suggestion: 'Principal' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Description": "trust"}]}',
      findings: [{ line: 1, column: 127, data: { level: 'statement' } }],
    },
  ],
});
