import { caseTable } from './case-table.ts';
import * as check from './unsupported-sid.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Sid": "AllowAssumeRole1"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Sid": ""}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Sid": "Allow assume role"}]}',
      findings: [{ line: 1, column: 134, data: { characters: ' ' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Sid": "allow-assume_role"}]}',
      findings: [{ line: 1, column: 134, data: { characters: '-_' } }],
    },
  ],
});
