// Measures regrading a class of 10,000 generated submissions, three ways:
// in the instructor page (Chromium, the extension from dist/chrome) with
// one grading worker per CPU; in the page with grading in the regrade
// worker alone, the peer in the same run; and through the CLI
// (`lab-check grade ... --format csv`). Prints Markdown.
//
//   node --import tsx scripts/bench-instructor.mjs [--runs 3] [--count 10000]
//
// Needs `node scripts/build.mjs` first. The class (code files in a ZIP
// archive, submission exports in a ZIP archive and a CSV roster) is
// written once to the system's temporary folder and reused.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { codeFile, exportFile, fakeLearner, LAB_ID, rosterCsv } from './fake-class.ts';
import { launchWithExtension } from './chromium-extension.mjs';
import { findChromium } from '../src/playwright/browser.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const RUNS = option('--runs', 3);
const COUNT = option('--count', 10_000);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Writes the class: half code files in a ZIP, a fifth exports in a ZIP, the rest a CSV roster. */
async function writeClass() {
  const dir = join(tmpdir(), `lab-check-bench-class-${COUNT}`);
  const files = ['code.zip', 'exports.zip', 'roster.csv'].map((name) => join(dir, name));
  if (files.every((file) => existsSync(file))) return files;

  mkdirSync(dir, { recursive: true });
  const learners = Array.from({ length: COUNT }, (_, i) => fakeLearner(i, 7));
  const codeCount = Math.floor(COUNT / 2);
  const exportCount = Math.floor(COUNT / 5);
  const code = {};
  for (const learner of learners.slice(0, codeCount)) {
    const file = codeFile(learner);
    code[file.name] = strToU8(file.text);
  }
  const exports = {};
  for (const learner of learners.slice(codeCount, codeCount + exportCount)) {
    const file = await exportFile(learner);
    exports[file.name] = strToU8(file.text);
  }
  writeFileSync(files[0], zipSync(code));
  writeFileSync(files[1], zipSync(exports));
  writeFileSync(files[2], rosterCsv(learners.slice(codeCount + exportCount)));
  return files;
}

/** Regrades the class in the page; returns the page's own time (worker start to done) and the rows. */
async function timePage(session, files, graders) {
  const page = await session.context.newPage();
  const query = graders === undefined ? '' : `?graders=${graders}`;
  await page.goto(`chrome-extension://${session.extensionId}/instructor.html${query}`);
  await page.getByTestId('lab').selectOption(LAB_ID);
  await page.getByTestId('pick-files').setInputFiles(files);
  const progress = page.getByTestId('progress');
  await progress.and(page.locator('[data-state="done"]')).waitFor({ timeout: 600_000 });
  const elapsed = Number(await progress.getAttribute('data-elapsed-ms'));
  const rows = Number(await progress.getAttribute('data-rows'));
  const poolSize = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.close();
  if (rows !== COUNT) throw new Error(`the page regraded ${rows} submissions, expected ${COUNT}`);
  return { elapsed, poolSize };
}

function timeCli(files) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'dist/cli/lab-check.js'), 'grade', ...files, '--lab', LAB_ID, '--format', 'csv'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const elapsed = performance.now() - started;
  const rows = result.stdout.toString('utf8').split('\r\n').length - 2;
  if (rows !== COUNT) throw new Error(`the CLI wrote ${rows} rows, expected ${COUNT}: ${result.stderr.toString('utf8').slice(0, 500)}`);
  return elapsed;
}

const files = await writeClass();
const session = await launchWithExtension(join(root, 'dist/chrome'), { headless: true });
const pool = [];
const single = [];
const cli = [];
let poolSize = 0;
try {
  for (let run = 0; run < RUNS; run += 1) {
    const measured = await timePage(session, files);
    pool.push(measured.elapsed);
    poolSize = measured.poolSize;
    single.push((await timePage(session, files, 0)).elapsed);
    cli.push(timeCli(files));
  }
} finally {
  await session.close();
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const chromium = execFileSync(findChromium(), ['--version']).toString().trim();
console.log(`${COUNT} submissions (${files.map((file) => file.split('/').pop()).join(', ')}), ${RUNS} runs, ${new Date().toISOString().slice(0, 10)}`);
console.log(`${chromium}, headless; Node ${process.version}; ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()[0].toFixed(1)}\n`);
console.log('| where | runs | median | per submission | runs (s) |');
console.log('|---|---|---|---|---|');
const line = (label, values) =>
  console.log(`| ${label} | ${values.length} | ${seconds(median(values))} | ${(median(values) / COUNT).toFixed(2)} ms | ${values.map((v) => (v / 1000).toFixed(1)).join(', ')} |`);
line(`page, ${poolSize} grading workers`, pool);
line('page, grading in the regrade worker (peer)', single);
line('CLI, `lab-check grade --format csv`', cli);
console.log(`\npage with workers / page without: ${(median(pool) / median(single)).toFixed(2)}; CLI / page with workers: ${(median(cli) / median(pool)).toFixed(2)}`);
