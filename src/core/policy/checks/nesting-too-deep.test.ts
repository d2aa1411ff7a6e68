import { caseTable, VALID_TRUST } from './case-table.ts';
import * as check from './nesting-too-deep.ts';

// The 65th opening bracket is the first one past the limit of 64 levels.
caseTable(check, {
  valid: [{ text: VALID_TRUST }, { text: `${'['.repeat(64)}${']'.repeat(64)}` }],
  invalid: [
    { text: '['.repeat(10_000), findings: [{ line: 1, column: 65, data: { maximum: 64 } }] },
    { text: `{"Statement": ${'{"a": '.repeat(70)}1${'}'.repeat(71)}`, findings: [{ line: 1, column: 15 + 6 * 63, data: { maximum: 64 } }] },
    { text: `"[[[[" ${'['.repeat(65)}`, findings: [{ line: 1, column: 8 + 64 } ] },
  ],
});
