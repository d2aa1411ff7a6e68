// Builds the Playwright fixture that the package exports as
// `lab-check/playwright`. esbuild bundles src/playwright/index.ts to plain
// ESM for Node (dist/playwright/index.js) and leaves Playwright out, so the
// fixture uses the course team's own copy. tsc emits its declarations
// (dist/playwright/types/) from tsconfig.playwright.json.
//
//   node scripts/build-playwright.mjs     the fixture alone
//
// scripts/build.mjs calls `buildPlaywright` after the extension, so
// `npm run build` writes it too.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/playwright');

/** Emits the declarations with the project's own tsc; throws with its output when it fails. */
function emitTypes() {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.playwright.json')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`tsc could not emit the fixture's types:\n${result.stdout}${result.stderr}`);
}

export async function buildPlaywright() {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'src/playwright/index.ts')],
    outfile: join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@playwright/test', 'playwright-core'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  emitTypes();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPlaywright();
  console.log('dist/playwright: the fixture and its types');
}
