// Builds the fixture course pages into e2e/.build/: one HTML page per editor
// variant with its bundled editor script (and stylesheet), a page that is
// not a lab, and the hostile page (fixtures/hostile/). Run with
// `node e2e/build-fixtures.mjs`; the e2e suite runs it before its first test.
import { copyFileSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { renderCoursePage, renderNoLabPage } from './fixtures/course-page.mjs';
import { renderHostilePage } from './fixtures/hostile/page.mjs';

const e2eDir = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = join(e2eDir, '.build');

/** The editor variants: which editor a page embeds and whether it has one per step or one for all the code. */
export const VARIANTS = [
  { variant: 'textarea', layout: 'per-step' },
  { variant: 'codemirror6', layout: 'per-step' },
  { variant: 'monaco', layout: 'all' },
  { variant: 'ace', layout: 'per-step' },
  { variant: 'codemirror5', layout: 'all' },
  { variant: 'data-lab', layout: 'marked' },
];

async function bundle(entryPoints, outdir) {
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    legalComments: 'none',
    loader: { '.ttf': 'file' },
    logLevel: 'warning',
  });
}

export async function buildFixtures(outdir = FIXTURES_DIR) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });

  const entries = Object.fromEntries(
    VARIANTS.map(({ variant }) => [variant, join(e2eDir, 'fixtures', 'editors', `${variant}.ts`)]),
  );
  entries['monaco-editor.worker'] = 'monaco-editor/editor/editor.worker';
  entries['reader-harness'] = join(e2eDir, 'harness', 'reader-harness.ts');
  await bundle(entries, outdir);

  for (const { variant, layout } of VARIANTS) {
    const stylesheet = existsSync(join(outdir, `${variant}.css`)) ? `${variant}.css` : undefined;
    const html = renderCoursePage({ variant, layout, script: `${variant}.js`, stylesheet });
    writeFileSync(join(outdir, `${variant}.html`), html);
  }
  writeFileSync(join(outdir, 'no-lab.html'), renderNoLabPage());
  writeFileSync(join(outdir, 'hostile.html'), renderHostilePage());
  copyFileSync(join(e2eDir, 'fixtures', 'hostile', 'hostile.js'), join(outdir, 'hostile.js'));
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const outdir = await buildFixtures();
  console.log(`Built the fixture pages into ${outdir} in ${Math.round(performance.now() - started)} ms`);
}
