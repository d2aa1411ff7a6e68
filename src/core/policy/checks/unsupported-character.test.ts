import { caseTable } from './case-table.ts';
import * as check from './unsupported-character.ts';

caseTable(check, {
  valid: [
    {
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}',
    },
    {
      text: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Caf\u00e9\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"sts:AssumeRole\"}]}",
    },
  ],
  invalid: [
    {
      text: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"sts:AssumeRole\", \"Sid\": \"Trust\u2014Me\"}]}",
      findings: [{ line: 1, column: 140 }],
    },
    {
      text: "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"sts:AssumeRole\"}]}\u0000",
      findings: [{ line: 1, column: 128 }],
    },
  ],
});
