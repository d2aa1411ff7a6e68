import { caseTable } from './case-table.ts';
import * as check from './invalid-principal-format.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/path/Admin", "arn:aws:sts::111122223333:assumed-role/Admin/alice", "arn:aws:sts::111122223333:federated-user/bob", "*"]}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}, "Action": "sts:AssumeRole"}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "12345"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'not-arn' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::12345:root"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'account-id' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam:us-east-1:111122223333:root"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'region' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:group/Devs"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'group' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'service-principal' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 74, data: { reason: 'not-object' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ["arn:aws:iam::111122223333:root"], "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 74, data: { reason: 'not-object', found: 'array' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'missing-name' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"CanonicalUser": "abc"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 92, data: { reason: 'canonical-user' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam:123456789012:root"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'fields', suggestion: 'arn:aws:iam::123456789012:root' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'fields', suggestion: 'arn:aws:iam::123456789012:root' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": " 123456789012"}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { reason: 'whitespace', suggestion: '123456789012' } }],
    },
  ],
});
