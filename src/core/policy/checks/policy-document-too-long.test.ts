import { caseTable, VALID_TRUST } from './case-table.ts';
import * as check from './policy-document-too-long.ts';

// 131,072 characters is the IAM limit; the cases straddle it with padding spaces after a valid policy.
const atLimit = VALID_TRUST + ' '.repeat(131_072 - VALID_TRUST.length);

caseTable(check, {
  valid: [{ text: VALID_TRUST }, { text: atLimit }],
  invalid: [
    { text: `${atLimit} `, findings: [{ line: 1, column: 1, data: { length: 131_073, maximum: 131_072 } }] },
    { text: 'x'.repeat(1_000_000), findings: [{ line: 1, column: 1, data: { length: 1_000_000 } }] },
  ],
});
