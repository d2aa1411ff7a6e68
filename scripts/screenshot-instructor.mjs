// Saves the README's screenshots of the instructor page: a class of 300
// generated submissions regraded, with an edited export open beside the
// table. Needs `node scripts/build.mjs` first.
//
//   node --import tsx scripts/screenshot-instructor.mjs
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFile, exportFile, fakeLearner, LAB_ID, rosterCsv, tamperedExport } from './fake-class.ts';
import { launchWithExtension } from './chromium-extension.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs/screenshots');
const classDir = mkdtempSync(join(tmpdir(), 'lab-check-screenshot-'));

const learners = Array.from({ length: 300 }, (_, i) => fakeLearner(i, 3));
const paths = [];
for (const learner of learners.slice(0, 150)) {
  const file = codeFile(learner);
  writeFileSync(join(classDir, file.name), file.text);
  paths.push(join(classDir, file.name));
}
for (const [i, learner] of learners.slice(150, 200).entries()) {
  let file = await exportFile(learner);
  if (i === 3) file = await tamperedExport(file, false);
  writeFileSync(join(classDir, file.name), file.text);
  paths.push(join(classDir, file.name));
}
writeFileSync(join(classDir, 'roster.csv'), rosterCsv(learners.slice(200)));
paths.push(join(classDir, 'roster.csv'));

const session = await launchWithExtension(join(root, 'dist/chrome'), { headless: true });
try {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`chrome-extension://${session.extensionId}/instructor.html`);
  await page.getByTestId('lab').selectOption(LAB_ID);
  await page.getByTestId('pick-files').setInputFiles(paths);
  await page.locator('[data-testid="progress"][data-state="done"]').waitFor({ timeout: 120_000 });
  mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: join(outDir, 'instructor-table.png') });

  await page.getByTestId('filter-show').selectOption('flagged');
  await page.getByTestId('row').first().click();
  await page.getByTestId('detail').waitFor();
  // Scroll the detail to the learner's code, where the faulty lines are marked.
  await page.getByTestId('code').first().evaluate((code) => code.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: join(outDir, 'instructor-flagged.png') });
} finally {
  await session.close();
  rmSync(classDir, { recursive: true, force: true });
}
console.log(`saved ${join(outDir, 'instructor-table.png')} and instructor-flagged.png`);
