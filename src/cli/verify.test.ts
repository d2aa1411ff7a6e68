import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLab, gradeSubmission } from '../core/engine/index.ts';
import { buildSubmissionExport, exportDigest } from '../core/submissions/index.ts';
import { runInMemory } from './run-in-memory.ts';

const EXAMPLES = join(import.meta.dirname, '../../e2e/submissions/aws-assume-role-temporary-access');
const lab = findLab('aws-assume-role-temporary-access')!;

const run = (args: string[], cwd: string) => runInMemory(['verify', ...args], cwd);

async function exportsFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'lab-check-verify-'));
  const code = await readFile(join(EXAMPLES, 'mistakes.py'), 'utf8');
  const input = { code, quiz: { '1': 'B' } };
  const claim = await buildSubmissionExport({
    input,
    report: gradeSubmission(lab, input),
    exportedAt: new Date('2026-12-01T09:30:00Z'),
  });
  await writeFile(join(folder, 'honest.json'), JSON.stringify(claim));

  const edited = structuredClone(claim);
  edited.report.score.earned = 9;
  await writeFile(join(folder, 'edited.json'), JSON.stringify(edited));

  const rehashed = structuredClone(edited);
  rehashed.digest.value = await exportDigest(rehashed);
  await writeFile(join(folder, 'rehashed.json'), JSON.stringify(rehashed));
  return folder;
}

test('verify passes an untouched export', async () => {
  const folder = await exportsFolder();
  const result = await run(['honest.json'], folder);
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
  assert.match(result.stdout, /^honest\.json: match: the claim equals the regrade \(1\/9 points\)\n/);
});

test('verify flags edited exports', async () => {
  const folder = await exportsFolder();
  const result = await run([folder, '--format', 'json'], folder);
  assert.equal(result.code, 1);
  const { files } = JSON.parse(result.stdout);
  const verdicts = Object.fromEntries(
    files.map((file: { source: string; verdict: string; flags: Array<{ code: string }> }) => [
      file.source,
      [file.verdict, ...file.flags.map((flag) => flag.code)],
    ]),
  );
  assert.deepEqual(verdicts, {
    'edited.json': ['flagged', 'DIGEST_MISMATCH', 'CLAIM_MISMATCH'],
    'honest.json': ['match'],
    'rehashed.json': ['flagged', 'CLAIM_MISMATCH'],
  });
});

test('verify rejects files that are no exports', async () => {
  const folder = await exportsFolder();
  await writeFile(join(folder, 'plain.json'), JSON.stringify({ code: 'role_name = "x"' }));
  await writeFile(join(folder, 'broken.json'), '{');
  const result = await run(['plain.json', 'broken.json', 'honest.json'], folder);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /^plain\.json: error: The file is a submission but not a submission export/m);
  assert.match(result.stdout, /^broken\.json: error: The file is not valid JSON/m);
  assert.match(result.stdout, /^1 match, 0 flagged, 2 unreadable$/m);
});

test('verify usage errors exit 2', async () => {
  assert.equal((await run([], '/')).code, 2);
  assert.equal((await run(['x.json', '--format', 'csv'], '/')).code, 2);
});
