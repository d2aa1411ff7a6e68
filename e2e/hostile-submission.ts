/**
 * A submission file for the instructor page that carries the hostile
 * page's payloads, shared by the Chromium and the Firefox suites.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_PAYLOADS } from './hostile-scenario.ts';
import { LAB_ID } from './scenarios.ts';

/** Writes a submission whose code, quiz answers and learner id carry the payloads. */
export function writeHostileSubmission(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lab-check-hostile-'));
  const path = join(dir, 'hostile.json');
  const submission = {
    lab: LAB_ID,
    learner: `<img src=x onerror="window.__labCheckPwned='learner'">`,
    language: 'python',
    code: Object.values(HOSTILE_PAYLOADS.steps).join('\n'),
    quiz: { '1': `<script>window.__labCheckPwned='quiz'</script>`, '2': ['A', `<img src=x onerror=window.__labCheckPwned=1>`] },
  };
  writeFileSync(path, JSON.stringify(submission));
  return { dir, path };
}
