import { caseTable } from './case-table.ts';
import * as check from './invalid-condition-operator.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x"}, "ForAnyValue:StringLike": {"aws:TagKeys": "a*"}, "ArnLikeIfExists": {"aws:SourceArn": "arn:aws:s3:::b"}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"StringEqual": {"sts:ExternalId": "x"}}}]}',
      findings: [{ line: 1, column: 141, data: { suggestion: 'StringEquals' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"stringequals": {"sts:ExternalId": "x"}}}]}',
      findings: [{ line: 1, column: 141, data: { suggestion: 'StringEquals' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"ForAnyValues:StringLike": {"aws:TagKeys": "a*"}}}]}',
      findings: [{ line: 1, column: 141 }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Equals": {"sts:ExternalId": "x"}}}]}',
      findings: [{ line: 1, column: 141, data: { operator: 'Equals' } }],
    },
  ],
});
