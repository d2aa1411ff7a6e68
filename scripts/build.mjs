// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox)
// from the one manifest.json at the root, and the `lab-check` CLI
// (dist/cli/lab-check.js). Prints each bundle's gzip size and fails when
// the popup script is over its budget.
//
//   node scripts/build.mjs            both browsers and the CLI
//   node scripts/build.mjs --e2e      also dist/chrome-e2e and dist/firefox-e2e
//   node scripts/build.mjs --debug    keep debug logging in the bundles
//
// The e2e copies add host access to http://127.0.0.1 because a test
// harness cannot click the toolbar button (which grants activeTab) or
// answer the browser's permission prompt. Everything else is identical.
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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

const define = {
  LAB_CHECK_VERSION: JSON.stringify(packageJson.version),
  LAB_CHECK_DEBUG: String(debug),
};

const common = {
  bundle: true,
  minify: !debug,
  sourcemap: debug ? 'inline' : false,
  legalComments: 'none',
  define,
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
async function bundleExtension(outdir, entries) {
  const failed = [];
  for (const [name, entry] of Object.entries(entries)) {
    try {
      await build({
        ...common,
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
  for (const file of ['popup.html', 'popup.css']) {
    cpSync(join(root, 'src/popup', file), join(outdir, file));
  }
}

function writeManifest(outdir, manifest) {
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function buildCli() {
  const outfile = join(root, 'dist/cli/lab-check.js');
  await build({
    ...common,
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
  chmodSync(outfile, 0o755);
  linkLocalBin(outfile);
}

/**
 * Links node_modules/.bin/lab-check to the built CLI, so that `npx lab-check`
 * runs it from the project root (npm links a package's own bin only when it
 * is installed as a dependency of another).
 */
function linkLocalBin(outfile) {
  const binDir = join(root, 'node_modules/.bin');
  if (!existsSync(binDir)) return;
  const link = join(binDir, 'lab-check');
  rmSync(link, { force: true });
  writeFileSync(link, `#!/bin/sh\nexec node "$(dirname "$0")/${relative(binDir, outfile)}" "$@"\n`);
  chmodSync(link, 0o755);
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
      if (over && budget.hard) withinBudget = false;
    }
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
    console.log(`  ${file.padEnd(14)} ${kb(raw)} raw ${kb(gzip)} gzip  ${verdict}`);
  }
  return withinBudget;
}

async function main() {
  const started = performance.now();
  const entries = extensionEntries();
  const manifests = browserManifests(sourceManifest, packageJson.version);
  let withinBudget = true;
  const failures = [];

  for (const [browser, manifest] of Object.entries(manifests)) {
    const outdir = join(root, 'dist', browser);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    const failed = await bundleExtension(outdir, entries);
    failures.push(...failed.map((name) => `dist/${browser}/${name}.js`));
    const built = Object.fromEntries(Object.entries(entries).filter(([name]) => !failed.includes(name)));
    copyStatic(outdir);
    writeManifest(outdir, manifest);
    console.log(`dist/${browser}:`);
    withinBudget = reportSizes(outdir, built) && withinBudget;

    if (withE2e) {
      const e2eDir = `${outdir}-e2e`;
      rmSync(e2eDir, { recursive: true, force: true });
      cpSync(outdir, e2eDir, { recursive: true });
      writeManifest(e2eDir, e2eManifest(manifest));
      console.log(`dist/${browser}-e2e: the same, with host access to http://127.0.0.1`);
    }
  }

  try {
    await buildCli();
    console.log(`dist/cli/lab-check.js (${(gzipSize(join(root, 'dist/cli/lab-check.js')) / 1024).toFixed(1)} KB gzip)`);
  } catch {
    failures.push('dist/cli/lab-check.js');
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
