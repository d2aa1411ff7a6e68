import { caseTable } from './case-table.ts';
import * as check from './invalid-service-principal-format.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "lambda.amazonaws.com", "states.us-east-1.amazonaws.com", "ec2.amazonaws.com.cn"]}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 86, data: { reason: 'missing-domain', suggestion: 'ec2.amazonaws.com' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "EC2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 86, data: { reason: 'uppercase', suggestion: 'ec2.amazonaws.com' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 86, data: { reason: 'arn' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazon.aws"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 86, data: { reason: 'format' } }],
    },
  ],
});
