import { caseTable } from './case-table.ts';
import * as check from './wildcard-without-like-operator.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/x"}}}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "a${*}b"}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}}]}',
      findings: [{ line: 1, column: 178, data: { suggestion: 'StringLike' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"ArnEquals": {"aws:SourceArn": ["arn:aws:s3:::a", "arn:aws:s3:::b?"]}}}]}',
      findings: [{ line: 1, column: 191, data: { suggestion: 'ArnLike' } }],
    },
  ],
});
