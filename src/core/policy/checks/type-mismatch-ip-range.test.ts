import { caseTable } from './case-table.ts';
import * as check from './type-mismatch-ip-range.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.7", "2001:db8::/32"]}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"NotIpAddress": {"aws:SourceIp": "my office"}}}]}',
      findings: [{ line: 1, column: 174, data: { value: 'my office', operator: 'NotIpAddress' } }],
    },
  ],
});
