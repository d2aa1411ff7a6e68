/**
 * Property tests of whole-submission grading: any code text, in any
 * language, whole or split per step, grades without an exception, and every
 * step's findings lie inside the text they point into. fast-check prints the
 * seed and path of a failing run; keep such a case as a literal test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { codeLineLengths, findingSpanProblem, randomText, withinTimeLimit } from '../property-testing.ts';
import { LABS, gradeSubmission } from './index.ts';

const languages = fc.constantFrom('python', 'javascript', 'typescript', 'shell', undefined);

/** Fragments of real answers, so that random code reaches the checks and not only the parsers. */
const fragments = fc.constantFrom(
  'trust_policy = ',
  'role_name = ',
  'assume_role_command = ',
  'create_role_command = ',
  '"aws sts assume-role --role-arn arn:aws:iam::123456789012:role/TemporaryAccessRole --role-session-name TempSession"',
  `'{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sts:*"}}'`,
  '"aws iam create-role --role-name TemporaryAccessRole --assume-role-policy-document file://trust-policy.json"',
  'json.dumps({"Version": "2012-10-17"})',
  '\n',
  '"',
  '$role_name',
);
const answerLike = fc.array(fc.oneof(fragments, randomText), { maxLength: 12 }).map((parts) => parts.join(''));

test('grading any code never throws', () => {
  const lab = LABS[0]!;
  fc.assert(
    fc.property(answerLike, languages, (code, language) => {
      const report = withinTimeLimit(
        () => gradeSubmission(lab, { code, ...(language ? { language } : {}) }),
        `gradeSubmission of ${code.length} characters`,
      );
      assert.equal(report.steps.length, lab.steps.length);
      for (const step of report.steps) {
        if (step.foundIn !== undefined) continue;
        for (const finding of step.findings) {
          const problem = findingSpanProblem(code, finding, codeLineLengths(code));
          assert.equal(problem, undefined, `${step.id}: ${problem}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('grading per-step texts never throws', () => {
  for (const lab of LABS) {
    const stepTexts = fc.tuple(...lab.steps.map(() => answerLike));
    fc.assert(
      fc.property(stepTexts, (texts) => {
        const steps = Object.fromEntries(lab.steps.map((step, i) => [step.id, texts[i]!]));
        const report = withinTimeLimit(() => gradeSubmission(lab, { steps }), 'gradeSubmission of step texts');
        for (const step of report.steps) {
          const text = step.foundIn === undefined ? undefined : steps[step.foundIn];
          if (text === undefined) continue;
          for (const finding of step.findings) {
            const problem = findingSpanProblem(text, finding, codeLineLengths(text));
            assert.equal(problem, undefined, `${step.id}: ${problem}`);
          }
        }
      }),
      { numRuns: 100 },
    );
  }
});

test('step text after a lone CR stays in bounds', () => {
  const lab = LABS[0]!;
  const steps = Object.fromEntries(lab.steps.map((step, i) => [step.id, i === 2 ? '\rtrust_policy = ' : '']));
  const report = gradeSubmission(lab, { steps });
  for (const step of report.steps) {
    const text = step.foundIn === undefined ? undefined : steps[step.foundIn];
    if (text === undefined) continue;
    for (const finding of step.findings) {
      assert.equal(findingSpanProblem(text, finding, codeLineLengths(text)), undefined, step.id);
    }
  }
  assert.ok(report.steps.some((step) => step.foundIn === lab.steps[2]?.id));
});
