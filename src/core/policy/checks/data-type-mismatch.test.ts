import { caseTable } from './case-table.ts';
import * as check from './data-type-mismatch.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:SecureTransport": true}}}]}',
    },
  ],
  invalid: [
    {
      text: '{"Version": 2012, "Statement": []}',
      findings: [{ line: 1, column: 13, data: { element: 'Version', found: 'number' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": "Allow"}',
      findings: [{ line: 1, column: 40, data: { element: 'Statement' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", 42]}]}',
      findings: [{ line: 1, column: 128, data: { element: 'Action', found: 'number' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": 111122223333}, "Action": "sts:AssumeRole"}]}',
      findings: [{ line: 1, column: 82, data: { element: 'AWS', found: 'number' } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:SecureTransport": null}}}]}',
      findings: [{ line: 1, column: 173, data: { element: 'Condition value' } }],
    },
    {
      text: '["sts:AssumeRole"]',
      findings: [{ line: 1, column: 1, data: { element: 'policy', found: 'array' } }],
    },
    {
      text: "\"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Principal\\\": {\\\"AWS\\\": \\\"111122223333\\\"}, \\\"Action\\\": \\\"sts:AssumeRole\\\"}]}\"",
      findings: [{ line: 1, column: 1, data: { element: 'policy', doubleEncoded: true } }],
    },
    {
      text: '{"Version": "2012-10-17", "Statement": ["Allow"]}',
      findings: [{ line: 1, column: 41, data: { element: 'Statement', expected: 'object' } }],
    },
  ],
});
