/**
 * Writes the example submission exports under examples/exports/: two
 * honest exports as the popup saves them, and one whose claimed score was
 * raised by hand after export. Run it again when the grader version
 * changes, or `lab-check verify` flags the examples as from another grader.
 *
 *   npx tsx scripts/make-example-exports.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLab, gradeSubmission, type SubmissionInput } from '../src/core/engine/index.ts';
import { buildSubmissionExport } from '../src/core/submissions/build-export.ts';

const folder = join(import.meta.dirname, '..', 'examples', 'exports');
const submissions = join(import.meta.dirname, '..', 'e2e', 'submissions', 'aws-assume-role-temporary-access');
const lab = findLab('aws-assume-role-temporary-access')!;
const exportedAt = new Date('2026-12-04T12:00:00Z');

async function write(name: string, learner: string, input: SubmissionInput, edit?: (data: Record<string, any>) => void) {
  const report = gradeSubmission(lab, input);
  const exported = (await buildSubmissionExport({ input, report, exportedAt, learner })) as unknown as Record<string, any>;
  edit?.(exported);
  writeFileSync(join(folder, name), `${JSON.stringify(exported, null, 2)}\n`);
}

mkdirSync(folder, { recursive: true });
const correct = readFileSync(join(submissions, 'correct.py'), 'utf8');
const mistakes = readFileSync(join(submissions, 'mistakes.py'), 'utf8');
await write('alice.json', 'alice', { code: correct, language: 'python', quiz: { '1': 'B', '2': 'A', '3': 'A', '4': 'D', '5': 'C' } });
await write('bob.json', 'bob', { code: mistakes, language: 'python', quiz: { '1': 'B', '2': 'B' } });
await write('edited.json', 'mallory', { code: mistakes, language: 'python' }, (data) => {
  data.report.score.earned = data.report.score.possible;
});
console.log(`wrote alice.json, bob.json and edited.json to ${folder}`);
