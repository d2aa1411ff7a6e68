/**
 * Benchmarks the lab engine: whole submissions graded per second on one
 * core, for a correct and a faulty submission in each language, against
 * Python exec()-ing the same Python submission in the same run (the least a
 * grader that runs learner code pays before it checks anything). Then the
 * CLI's peak memory on folders of 10,000 and 100,000 submissions.
 *
 *   npx tsx scripts/bench-grade.ts [--seconds 2] [--folder-sizes 10000,100000]
 *
 * Prints a Markdown section for docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findLab, gradeSubmission, type SubmissionInput } from '../src/core/engine/index.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    'folder-sizes': { type: 'string', default: '10000,100000' },
  },
});
const seconds = Number(values.seconds);
const examples = 'e2e/submissions/aws-assume-role-temporary-access';
const lab = findLab('aws-assume-role-temporary-access')!;

const corpus: Array<{ name: string; input: SubmissionInput }> = [
  { name: 'correct.py', input: { code: readFileSync(`${examples}/correct.py`, 'utf8'), language: 'python' } },
  { name: 'mistakes.py', input: { code: readFileSync(`${examples}/mistakes.py`, 'utf8'), language: 'python' } },
  { name: 'correct.js', input: { code: readFileSync(`${examples}/correct.js`, 'utf8'), language: 'javascript' } },
  { name: 'correct.sh', input: { code: readFileSync(`${examples}/correct.sh`, 'utf8'), language: 'shell' } },
];

/** Returns the median rate (operations per second) over five rounds of `seconds / 5`. */
function medianRate(run: () => void): number {
  for (let i = 0; i < 200; i += 1) run();
  const rates: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const deadline = performance.now() + (seconds * 1000) / 5;
    let count = 0;
    const start = performance.now();
    while (performance.now() < deadline) {
      run();
      count += 1;
    }
    rates.push(count / ((performance.now() - start) / 1000));
  }
  return rates.sort((a, b) => a - b)[2]!;
}

function pythonExecRate(file: string): number | undefined {
  const script = `
import time, statistics
code = compile(open(${JSON.stringify(file)}).read(), "submission", "exec")
rates = []
for _ in range(5):
    n = 0; start = time.perf_counter(); deadline = start + ${seconds / 5}
    while time.perf_counter() < deadline:
        exec(code, {}); n += 1
    rates.append(n / (time.perf_counter() - start))
print(statistics.median(rates))`;
  const result = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

function peakMemory(count: number): { seconds: number; maxRssMb: number } | undefined {
  const folder = mkdtempSync(join(tmpdir(), 'lab-check-bench-'));
  try {
    const sources = corpus.map((entry) => entry.input.code!);
    const extensions = ['py', 'py', 'js', 'sh'];
    for (let i = 0; i < count; i += 1) {
      const bucket = join(folder, String(Math.floor(i / 1000)));
      if (i % 1000 === 0) mkdirSync(bucket);
      writeFileSync(join(bucket, `s${i}.${extensions[i % 4]}`), sources[i % 4]!);
    }
    const start = performance.now();
    const result = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', 'node', 'dist/cli/lab-check.js', 'grade', folder, '--lab', lab.id, '--format', 'json'],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const elapsed = (performance.now() - start) / 1000;
    const rssKb = Number(result.stderr.trim().split('\n').pop());
    return Number.isFinite(rssKb) ? { seconds: elapsed, maxRssMb: rssKb / 1024 } : undefined;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const rows: string[] = [];
let pythonRatio = '';
for (const entry of corpus) {
  const rate = medianRate(() => gradeSubmission(lab, entry.input));
  rows.push(`| ${entry.name} | ${Math.round(rate).toLocaleString('en-US')} |`);
  if (entry.name === 'correct.py') {
    const python = pythonExecRate(`${examples}/correct.py`);
    if (python) {
      pythonRatio =
        `Python 3 exec() of the same correct.py, compiled once, in the same run: ` +
        `${Math.round(python).toLocaleString('en-US')} per second, so grading costs ` +
        `${(python / rate).toFixed(1)} times as long as merely running the code (which checks nothing).`;
    }
  }
}

const memory = values['folder-sizes']
  .split(',')
  .map(Number)
  .map((count) => ({ count, result: peakMemory(count) }));

console.log(`Command: \`npx tsx scripts/bench-grade.ts --seconds ${seconds}\` (after \`npm run build\`)`);
console.log(`Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; date ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log('| submission | graded per second (median of 5, one core) |');
console.log('| --- | --- |');
for (const row of rows) console.log(row);
console.log('');
if (pythonRatio) console.log(pythonRatio);
console.log('');
console.log('| submissions in the folder | wall time | submissions per second | peak RSS of `lab-check grade` |');
console.log('| --- | --- | --- | --- |');
for (const { count, result } of memory) {
  if (!result) continue;
  console.log(
    `| ${count.toLocaleString('en-US')} | ${result.seconds.toFixed(1)} s | ${Math.round(count / result.seconds).toLocaleString('en-US')} | ${result.maxRssMb.toFixed(0)} MB |`,
  );
}
