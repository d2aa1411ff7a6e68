// Times the page readers on each fixture course page: the content
// script's whole read (MAIN-world editor request, answers, quiz and
// headings) as `performance.now()` inside the page, with the textarea page
// in the same run as the peer. Runs in headless Chromium without the
// extension, through the reader test harness.
//
//   node --import tsx scripts/bench-readers.ts [--runs 21] [--lines 2000]
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFixtures, FIXTURES_DIR, VARIANTS } from '../e2e/build-fixtures.mjs';
import { SOLUTION } from '../e2e/solutions.ts';
import { startStaticServer } from '../e2e/static-server.ts';
import { findChromium } from '../src/playwright/browser.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, lines: { type: 'string', default: '2000' } } });
const runs = Number(values.runs);
const paddingLines = Number(values.lines);

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** The solution with `lines` comment lines before each step's code, to make the editors long. */
const paddedSolution = (lines: number): Record<string, string> =>
  Object.fromEntries(
    Object.entries(SOLUTION).map(([step, code]) => {
      const padding = Array.from({ length: lines }, (_, line) => `# ${step} line ${line + 1}`);
      return [step, [...padding, code].join('\n')];
    }),
  );

await buildFixtures();
const server = await startStaticServer(FIXTURES_DIR);
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const results: Array<{ variant: string; code: string; median: number; chars: number }> = [];

for (const [label, steps] of [['solution', SOLUTION], [`+${paddingLines} lines a step`, paddedSolution(paddingLines)]] as const) {
  for (const { variant } of VARIANTS) {
    await page.goto(`${server.url}${variant}.html`);
    await page.waitForFunction(() => window.labFixture !== undefined);
    await page.evaluate((code) => window.labFixture?.fill(code), steps);
    await page.addScriptTag({ path: join(FIXTURES_DIR, 'reader-harness.js') });
    const samples: number[] = [];
    let chars = 0;
    for (let run = 0; run < runs; run += 1) {
      const { ms, total } = await page.evaluate(async () => {
        const started = performance.now();
        const snapshot = await window.labCheckReadPage!();
        const total = snapshot.answers.reduce((sum, answer) => sum + answer.text.length, 0);
        return { ms: performance.now() - started, total };
      });
      samples.push(ms);
      chars = total;
    }
    results.push({ variant, code: label, median: median(samples), chars });
  }
}
await browser.close();
await server.close();

console.log(`| page | code | characters read | read, median of ${runs} | / textarea |`);
console.log('|---|---|---|---|---|');
for (const result of results) {
  const peer = results.find((candidate) => candidate.variant === 'textarea' && candidate.code === result.code);
  const ratio = peer && peer.median > 0 ? (result.median / peer.median).toFixed(2) : '-';
  console.log(`| ${result.variant} | ${result.code} | ${result.chars} | ${result.median.toFixed(2)} ms | ${ratio} |`);
}
