// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox)
// from the one manifest.json at the root, and the `lab-check` CLI
// (dist/cli/lab-check.js) and the Playwright fixture (dist/playwright, by
// scripts/build-playwright.mjs). Prints each bundle's gzip size and fails when
// the popup script is over its budget.
//
//   node scripts/build.mjs            both browsers and the CLI
//   node scripts/build.mjs --e2e      also dist/chrome-e2e and dist/firefox-e2e
//   node scripts/build.mjs --debug    keep debug logging in the bundles
//
// The e2e builds add host access to http://127.0.0.1 because a test
// harness cannot click the toolbar button (which grants activeTab) or
// answer the browser's permission prompt, and they compile in the worker's
// test hooks (src/background/e2e-hooks.ts). Release builds leave both out.
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildPlaywright } from './build-playwright.mjs';
import { browserManifests, e2eManifest } from './manifests.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const debug = args.has('--debug');
const withE2e = args.has('--e2e');

/** Gzip budgets in bytes; over a hard budget the build fails, over a soft one it warns. */
const BUDGETS = {
  'popup.js': { bytes: 30 * 1024, hard: true },
  'content.js': { bytes: 15 * 1024, hard: false },
};

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const sourceManifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

const defineFor = ({ e2e }) => ({
  LAB_CHECK_VERSION: JSON.stringify(packageJson.version),
  LAB_CHECK_DEBUG: String(debug),
  LAB_CHECK_E2E: String(e2e),
});

const common = {
  bundle: true,
  minify: !debug,
  sourcemap: debug ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
};

/** Returns the first of `candidates` (paths under src/) that exists. */
function findSource(...candidates) {
  return candidates.map((path) => join(root, path)).find((path) => existsSync(path));
}

/** The extension's script entry points, by output file name. */
function extensionEntries() {
  const entries = {
    background: { source: findSource('src/background/index.ts'), format: 'esm' },
    popup: { source: findSource('src/popup/index.tsx'), format: 'esm' },
    content: {
      source: findSource('src/content/index.ts', 'src/content/content.ts'),
      format: 'iife',
    },
    'main-world': { source: findSource('src/content/main-world.ts'), format: 'iife' },
    // The instructor page (instructor.html), its regrade worker and the grading workers that one starts.
    instructor: { source: findSource('src/instructor/index.tsx'), format: 'esm' },
    'instructor-worker': { source: findSource('src/instructor/worker.ts'), format: 'iife' },
    'instructor-grader': { source: findSource('src/instructor/grader.ts'), format: 'iife' },
  };
  for (const [name, entry] of Object.entries(entries)) {
    if (!entry.source) {
      console.warn(`build: no source for ${name}.js yet; the extension will lack it`);
      delete entries[name];
    }
  }
  return entries;
}

/** Bundles each entry; returns the names of those that failed, after building the rest. */
async function bundleExtension(outdir, entries, flavour) {
  const failed = [];
  for (const [name, entry] of Object.entries(entries)) {
    try {
      await build({
        ...common,
        define: defineFor(flavour),
        entryPoints: { [name]: entry.source },
        outdir,
        format: entry.format,
        platform: 'browser',
        target: ['chrome111', 'firefox140'],
      });
    } catch {
      failed.push(name); // esbuild has printed the errors
    }
  }
  return failed;
}

function copyStatic(outdir) {
  cpSync(join(root, 'assets'), outdir, { recursive: true });
  cpSync(join(root, 'src/extension/theme.css'), join(outdir, 'theme.css'));
  for (const file of ['popup.html', 'popup.css']) {
    cpSync(join(root, 'src/popup', file), join(outdir, file));
  }
  for (const file of ['instructor.html', 'instructor.css']) {
    const source = join(root, 'src/instructor', file);
    if (existsSync(source)) cpSync(source, join(outdir, file));
  }
}

function writeManifest(outdir, manifest) {
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function buildCli() {
  const outfile = join(root, 'dist/cli/lab-check.js');
  await build({
    ...common,
    define: defineFor({ e2e: false }),
    minify: false,
    entryPoints: [join(root, 'src/cli/lab-check.ts')],
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  });
  // esbuild keeps the entry's own hashbang after the banner; one is enough.
  const text = readFileSync(outfile, 'utf8');
  writeFileSync(outfile, text.replace(/^(#!.*\n)(#!.*\n)+/, '$1'));
  // npm runs the root package's own `bin` for `npx lab-check` in the project folder.
  chmodSync(outfile, 0o755);
}

function gzipSize(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Prints the gzip size of each script; returns false when a hard budget is exceeded. */
function reportSizes(outdir, entries) {
  let withinBudget = true;
  for (const name of Object.keys(entries)) {
    const file = `${name}.js`;
    const raw = readFileSync(join(outdir, file)).length;
    const gzip = gzipSize(join(outdir, file));
    const budget = BUDGETS[file];
    let verdict = '';
    if (budget) {
      const over = gzip > budget.bytes;
      verdict = `${over ? 'OVER' : 'within'} budget ${(budget.bytes / 1024).toFixed(0)} KB`;
      // Budgets apply to the minified release bundles, not to --debug ones.
      if (over && budget.hard && !debug) withinBudget = false;
    }
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
    console.log(`  ${file.padEnd(14)} ${kb(raw)} raw ${kb(gzip)} gzip  ${verdict}`);
  }
  return withinBudget;
}

/** Builds one browser's extension into dist/NAME; returns the entries that failed to bundle. */
async function buildTarget(name, manifest, entries, flavour) {
  const outdir = join(root, 'dist', name);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const failed = await bundleExtension(outdir, entries, flavour);
  copyStatic(outdir);
  writeManifest(outdir, flavour.e2e ? e2eManifest(manifest) : manifest);
  const built = Object.fromEntries(Object.entries(entries).filter(([entry]) => !failed.includes(entry)));
  return { outdir, built, failures: failed.map((entry) => `dist/${name}/${entry}.js`) };
}

async function main() {
  const started = performance.now();
  const entries = extensionEntries();
  const manifests = browserManifests(sourceManifest, packageJson.version);
  let withinBudget = true;
  const failures = [];

  for (const [browser, manifest] of Object.entries(manifests)) {
    const release = await buildTarget(browser, manifest, entries, { e2e: false });
    failures.push(...release.failures);
    console.log(`dist/${browser}:`);
    withinBudget = reportSizes(release.outdir, release.built) && withinBudget;

    if (withE2e) {
      const e2e = await buildTarget(`${browser}-e2e`, manifest, entries, { e2e: true });
      failures.push(...e2e.failures);
      console.log(`dist/${browser}-e2e: with host access to http://127.0.0.1 and the test hooks`);
    }
  }

  try {
    await buildCli();
    console.log(`dist/cli/lab-check.js (${(gzipSize(join(root, 'dist/cli/lab-check.js')) / 1024).toFixed(1)} KB gzip)`);
  } catch {
    failures.push('dist/cli/lab-check.js');
  }
  try {
    await buildPlaywright();
    console.log('dist/playwright: the fixture for course teams and its types');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    failures.push('dist/playwright/index.js');
  }
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length > 0) {
    console.error(`build: could not bundle ${failures.join(', ')} (see the errors above)`);
    process.exitCode = 1;
  }
  if (!withinBudget) {
    console.error('build: a bundle is over its gzip budget (see above)');
    process.exitCode = 1;
  }
}

await main();
