import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { parseLabPack } from './engine/lab-pack.ts';
import { LABS } from '../labs/index.ts';
import { submissionExportSchema } from './submissions/export-format.ts';
import { plainSubmissionSchema } from './submissions/read-json.ts';
import { ISSUE_INPUT, describeIssue, describeIssues, formatPath } from './schema-issues.ts';

function describe(schema: z.ZodMiniType, data: unknown): string[] {
  const parsed = z.safeParse(schema, data, ISSUE_INPUT);
  assert.equal(parsed.success, false);
  return parsed.error!.issues.map((issue) => describeIssue(issue));
}

const PLAIN_CASES: Array<[unknown, string[]]> = [
  [{ code: 5 }, ['code: expected a string, but it is the number 5']],
  [{ code: 'x', language: 'rust' }, ['language: expected one of "python", "javascript", "typescript", "shell", but it is the string "rust"']],
  [{ code: 'x', quiz: { 1: 5 } }, ['quiz.1: expected a string or an array, but it is the number 5']],
  [{ code: 'x', quiz: { 1: ['A', 2] } }, ['quiz.1[1]: expected a string, but it is the number 2']],
  [{ steps: { 'role-name': null } }, ['steps.role-name: expected a string, but it is null']],
  [[], ['(root): expected an object, but it is an array of 0 items']],
];

for (const [data, expected] of PLAIN_CASES) {
  test(`plain submission issue ${JSON.stringify(data)}`, () => {
    assert.deepEqual(describe(plainSubmissionSchema, data), expected);
  });
}

test('export issues name each field', () => {
  const messages = describe(submissionExportSchema, {
    format: 'lab-check-submission',
    formatVersion: 1,
    lab: { id: 7 },
    grader: 'lab-check@0.1.0',
    exportedAt: 'yesterday',
    answers: { quiz: {} },
    report: {},
    digest: { algorithm: 'SHA-256', value: 'abc' },
  });
  assert.equal(messages[0], 'lab.id: expected a string, but it is the number 7');
  assert.equal(messages[1], 'lab.version: expected a string, but it is missing');
  assert.equal(messages[2], 'exportedAt: expected an ISO 8601 UTC time such as "2026-12-01T09:30:00Z", but it is the string "yesterday"');
  assert.ok(messages.includes('digest.value: expected 64 lowercase hexadecimal digits, but it is the string "abc"'));
  for (const message of messages) assert.doesNotMatch(message, /Invalid input/);
});

test('lab pack issues name the field', () => {
  const lab = structuredClone(LABS[0]!) as unknown as Record<string, unknown> & { steps: Array<Record<string, unknown>> };
  lab.steps[0]!.points = -1;
  lab.steps[0]!.extra = true;
  (lab.steps[0]!.checks as Array<Record<string, unknown>>)[0]!.type = 'regex';
  assert.throws(
    () => parseLabPack(lab),
    (error: Error & { problems?: string[] }) => {
      assert.deepEqual(error.problems, [
        'steps[0].points: expected at least 0, but it is the number -1',
        'steps[0].checks[0].type: expected one of "string-equals", "policy", "command", but it is the string "regex"',
        'steps[0]: has the unknown field "extra"; remove it or check the spelling',
      ]);
      return true;
    },
  );
});

test('issue list counts the rest', () => {
  const parsed = z.safeParse(z.object({ a: z.string(), b: z.string(), c: z.string() }), {}, ISSUE_INPUT);
  assert.equal(parsed.success, false);
  assert.equal(
    describeIssues(parsed.error!.issues, 2),
    'a: expected a string, but it is missing; b: expected a string, but it is missing; and 1 more problem',
  );
});

test('path format uses brackets for indexes', () => {
  assert.equal(formatPath([]), '(root)');
  assert.equal(formatPath(['steps', 0, 'checks', 1, 'type']), 'steps[0].checks[1].type');
  assert.equal(formatPath([0, 'a']), '[0].a');
});
