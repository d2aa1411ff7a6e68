import { caseTable } from './case-table.ts';
import * as check from './json-syntax-error.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: `{"Version": "2012-10-17",
 "Statement": []}`,
    },
  ],
  invalid: [
    {
      text: `{
  "Version": "2012-10-17",
  "Statement": [],
}`,
      findings: [{ line: 3, column: 18, data: { fault: 'trailing-comma' } }],
    },
    {
      text: `{'Version': '2012-10-17'}`,
      findings: [{ line: 1, column: 2, data: { fault: 'single-quote' } }],
    },
    {
      text: "{\u201cVersion\u201d: \u201c2012-10-17\u201d}",
      findings: [{ line: 1, column: 2, data: { fault: 'smart-quote' } }],
    },
    {
      text: `{
  // trust the account
  "Version": "2012-10-17"
}`,
      findings: [{ line: 2, column: 3, data: { fault: 'comment' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"',
      findings: [{ line: 1, column: 41, data: { fault: 'unclosed-bracket', bracket: '{' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Condition": {"Bool": {"aws:SecureTransport": True}}}}',
      findings: [{ line: 1, column: 106, data: { fault: 'python-literal', literal: 'True' } }],
    },
    {
      text: '',
      findings: [{ line: 1, column: 1, data: { fault: 'empty' } }],
    },
    {
      text: '{"Version": "2012-10-17" "Statement": []}',
      findings: [{ line: 1, column: 26, data: { fault: 'missing-comma' } }],
    },
    {
      text: '{"Version" "2012-10-17", "Statement": []}',
      findings: [{ line: 1, column: 12, data: { fault: 'missing-colon' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action" "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 70, data: { fault: 'missing-colon' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": {"Action": ["sts:AssumeRole", "sts:TagSession" "sts:SetContext"]}}',
      findings: [{ line: 1, column: 87, data: { fault: 'missing-comma' } }],
    },
    {
      text: "{\n\u00a0 \"Version\": \"2012-10-17\"\n}",
      findings: [{ line: 2, column: 1, data: { fault: 'unusual-space', character: 'U+00A0' } }],
    },
    {
      text: '{Version: "2012-10-17"}',
      findings: [{ line: 1, column: 2, data: { fault: 'unquoted-key' } }],
    },
    {
      text: '{"Version": "2012-10-17"}}',
      findings: [{ line: 1, column: 26, data: { fault: 'extra-text' } }],
    },
    {
      text: `{"Version": "2012-10-17", "Sid": "a
b"}`,
      findings: [{ line: 1, column: 36, data: { fault: 'control-character' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Id": "open}',
      findings: [{ line: 1, column: 33, data: { fault: 'unclosed-string' } }],
    },
    {
      text: "\ufeff{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"sts:AssumeRole\"}]}",
      findings: [{ line: 1, column: 1, data: { fault: 'byte-order-mark' } }],
    },
    {
      text: `Version: "2012-10-17"
Statement:
  - Effect: Allow
`,
      findings: [{ line: 1, column: 1, data: { fault: 'yaml' } }],
    },
    {
      text: '"Version": "2012-10-17", "Statement": []',
      findings: [{ line: 1, column: 1, data: { fault: 'missing-braces' } }],
    },
  ],
});
