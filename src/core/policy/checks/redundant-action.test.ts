import { caseTable } from './case-table.ts';
import * as check from './redundant-action.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}',
    },
    // A ? matches one character of an action name, not a literal star.
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:Assume*", "sts:Tag?ession"]}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole?", "sts:AssumeRole*x"]}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", "sts:assumerole"]}]}',
      findings: [{ line: 1, column: 128, data: { coveredBy: 'sts:AssumeRole' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:Assume*", "sts:AssumeRole"]}]}',
      findings: [{ line: 1, column: 125, data: { coveredBy: 'sts:Assume*' } }],
    },
    // Of two wildcards that match the same actions, only the later one is redundant.
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["s3:?*", "s3:??**"]}]}',
      findings: [{ line: 1, column: 119, data: { coveredBy: 's3:?*' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["s3:??**", "s3:?*"]}]}',
      findings: [{ line: 1, column: 110, data: { coveredBy: 's3:?*' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["s3:Get*", "s3:GET**"]}]}',
      findings: [{ line: 1, column: 121, data: { coveredBy: 's3:Get*' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["s3:*Object", "s3:Get?Object"]}]}',
      findings: [{ line: 1, column: 124, data: { coveredBy: 's3:*Object' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["s3:GetObject*", "s3:GetObject?"]}]}',
      findings: [{ line: 1, column: 127, data: { coveredBy: 's3:GetObject*' } }],
    },
  ],
});
