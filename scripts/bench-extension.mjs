// Measures the popup: from the popup document starting to load to the
// fresh report rendered, on the fixture course pages, with the content
// scripts already in the page (warm) and injected anew (after a reload).
// The peer in the same run is the popup's first render (the "checking"
// state), which costs the same page load without reading or grading.
// Also lists the gzip size of each bundle. Prints Markdown.
//
//   node --import tsx scripts/bench-extension.mjs [--runs 15]
//
// Needs `node scripts/build.mjs --e2e` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, tmpdir } from 'node:os';
import { buildFixtures } from '../e2e/build-fixtures.mjs';
import { startStaticServer } from '../e2e/static-server.ts';
import { findChromium } from '../src/playwright/browser.ts';
import { launchWithExtension, openPopup, tabIdOf, waitForResult } from './chromium-extension.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsIndex = process.argv.indexOf('--runs');
const RUNS = runsIndex === -1 ? 15 : Number(process.argv[runsIndex + 1]);
const SAMPLE = JSON.parse(readFileSync(join(root, 'e2e/submissions/aws-assume-role-temporary-access/per-step.json'), 'utf8'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function timePopup(context, extensionId, tabId) {
  const popup = await openPopup(context, extensionId, tabId);
  const state = await waitForResult(popup);
  const timings = await popup.evaluate(() => ({
    first: Number(document.documentElement.dataset.firstRenderMs),
    rendered: Number(document.documentElement.dataset.renderedMs),
  }));
  await popup.close();
  if (state !== 'report') throw new Error(`the popup showed ${state}, not a report`);
  return timings;
}

async function measurePage(session, serverUrl, variant) {
  const page = await session.context.newPage();
  const url = `${serverUrl}${variant}.html`;
  await page.goto(url);
  await page.waitForFunction(() => window.labFixture !== undefined);
  await page.evaluate((steps) => window.labFixture.fill(steps), SAMPLE.steps);
  const tabId = await tabIdOf(session.context, session.extensionId, url);

  await timePopup(session.context, session.extensionId, tabId); // first open injects; not counted
  const warm = [];
  for (let run = 0; run < RUNS; run++) warm.push(await timePopup(session.context, session.extensionId, tabId));

  const cold = [];
  for (let run = 0; run < Math.min(RUNS, 7); run++) {
    await page.reload();
    await page.waitForFunction(() => window.labFixture !== undefined);
    await page.evaluate((steps) => window.labFixture.fill(steps), SAMPLE.steps);
    cold.push(await timePopup(session.context, session.extensionId, tabId));
  }
  await page.close();
  return { variant, warm, cold };
}

function bundleSizes() {
  const sizes = {};
  for (const file of ['content.js', 'main-world.js', 'popup.js', 'background.js']) {
    const bytes = readFileSync(join(root, 'dist/chrome', file));
    sizes[file] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return sizes;
}

// A folder of its own, because the e2e suite rebuilds e2e/.build while it runs.
const fixtures = await buildFixtures(mkdtempSync(join(tmpdir(), 'lab-check-fixtures-')));
const server = await startStaticServer(fixtures);
const session = await launchWithExtension(join(root, 'dist/chrome-e2e'), { headless: true });
const results = [];
try {
  for (const variant of ['textarea', 'codemirror6', 'monaco']) results.push(await measurePage(session, server.url, variant));
} finally {
  await session.close();
  await server.close();
  rmSync(fixtures, { recursive: true, force: true });
}

const ms = (value) => `${value.toFixed(1)} ms`;
const chromium = execFileSync(findChromium(), ['--version']).toString().trim();
console.log(`Command: \`node --import tsx scripts/bench-extension.mjs --runs ${RUNS}\`, ${new Date().toISOString().slice(0, 10)},`);
console.log(`${chromium} headless, ${cpus().length} cores (${cpus()[0]?.model.trim()}), shared machine.\n`);
console.log('| page | content scripts | runs | first render (peer), median | report rendered, median | report / first render |');
console.log('|---|---|---|---|---|---|');
for (const { variant, warm, cold } of results) {
  for (const [label, runs] of [['already in the page', warm], ['injected anew', cold]]) {
    const first = median(runs.map((run) => run.first));
    const rendered = median(runs.map((run) => run.rendered));
    console.log(`| ${variant} | ${label} | ${runs.length} | ${ms(first)} | ${ms(rendered)} | ${(rendered / first).toFixed(2)} |`);
  }
}
console.log('\n| bundle (dist/chrome) | raw | gzip |');
console.log('|---|---|---|');
for (const [file, size] of Object.entries(bundleSizes())) {
  console.log(`| ${file} | ${(size.raw / 1024).toFixed(1)} KB | ${(size.gzip / 1024).toFixed(1)} KB |`);
}
