/**
 * The case table format of the check tests: literal valid inputs, which
 * must produce no finding of the check's code, and literal invalid inputs
 * with the findings of that code they must produce, by line and column.
 * Test-only: imports node:test, so no product code may import it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validatePolicy } from '../index.ts';
import type { PolicyKind } from '../types.ts';

export interface ValidCase {
  text: string;
  kind?: PolicyKind;
  sizeQuota?: number;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  /** Entries that the finding's data must contain. */
  data?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export function caseTable(
  check: { code: string },
  table: { valid: ValidCase[]; invalid: InvalidCase[] },
): void {
  table.valid.forEach((item, index) => {
    test(`${check.code} valid case ${index + 1}`, () => {
      const found = findingsOf(check.code, item);
      assert.deepEqual(found, [], `expected no ${check.code} in:\n${item.text}`);
    });
  });
  table.invalid.forEach((item, index) => {
    test(`${check.code} invalid case ${index + 1}`, () => {
      const found = findingsOf(check.code, item);
      const positions = found.map(({ line, column }) => ({ line, column }));
      const expected = item.findings.map(({ line, column }) => ({ line, column }));
      assert.deepEqual(positions, expected, `positions of ${check.code} in:\n${item.text}`);
      item.findings.forEach((finding, i) => {
        for (const [key, value] of Object.entries(finding.data ?? {})) {
          assert.deepEqual(found[i]?.data?.[key], value, `data.${key} of finding ${i + 1}`);
        }
      });
    });
  });
}

function findingsOf(code: string, item: ValidCase) {
  const options = { kind: item.kind ?? 'trust', ...(item.sizeQuota === undefined ? {} : { sizeQuota: item.sizeQuota }) };
  return validatePolicy(item.text, options).findings.filter((finding) => finding.code === code);
}

/** A valid trust policy on one line, for cases that need a correct baseline. */
export const VALID_TRUST =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}';

/** A valid identity policy on one line. */
export const VALID_IDENTITY =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]}';
