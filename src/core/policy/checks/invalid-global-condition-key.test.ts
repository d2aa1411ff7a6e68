import { caseTable } from './case-table.ts';
import * as check from './invalid-global-condition-key.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1", "aws:PrincipalTag/team": "a", "aws:sourceip": "1.2.3.4"}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"IpAddress": {"aws:SourceIpp": "1.2.3.4"}}}]}',
      findings: [{ line: 1, column: 155, data: { suggestion: 'aws:SourceIp' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:ExternalId": "x"}}}]}',
      findings: [{ line: 1, column: 158, data: { key: 'aws:ExternalId' } }],
    },
  ],
});
