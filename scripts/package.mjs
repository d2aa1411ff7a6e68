// `npm run package`: builds the extension and writes, under dist/packages/,
// a Chrome Web Store zip, an addons.mozilla.org (AMO) zip, and a source zip
// with build instructions, because AMO reviews minified code against the
// source it was built from. The version in every name is package.json's.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outdir = join(root, 'dist/packages');

/** A fixed timestamp, so that the same files give the same zip. */
const MTIME = new Date('2026-01-01T00:00:00Z');

const SOURCE_INSTRUCTIONS = `# Building Lab Check ${version} from this source

Requirements: Node.js 20 or later with npm, on Linux, macOS or Windows.

    npm ci
    node scripts/build.mjs

The build writes the Firefox add-on to dist/firefox/ and the Chrome
extension to dist/chrome/. esbuild bundles and minifies src/ into
background.js, popup.js, content.js and main-world.js; manifest.json at the
root is the source of both generated manifests (scripts/manifests.mjs);
assets/ is copied as it is. No file is downloaded during the build.
`;

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function writeZip(name, files) {
  const entries = Object.fromEntries(
    Object.entries(files).map(([path, bytes]) => [path, [bytes, { mtime: MTIME }]]),
  );
  const path = join(outdir, name);
  writeFileSync(path, zipSync(entries, { level: 9 }));
  console.log(`wrote ${relative(root, path)} (${Object.keys(files).length} files)`);
}

function zipDirectory(name, dir) {
  const files = Object.fromEntries(listFiles(dir).map((path) => [relative(dir, path), readFileSync(path)]));
  writeZip(name, files);
}

/** Returns the files git tracks, so that the source zip contains what a clone contains. */
function sourceFiles() {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter((path) => path && existsSync(join(root, path)));
  const files = Object.fromEntries(tracked.map((path) => [path, readFileSync(join(root, path))]));
  files['SOURCE-BUILD.md'] = new TextEncoder().encode(SOURCE_INSTRUCTIONS);
  return files;
}

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

mkdirSync(outdir, { recursive: true });
zipDirectory(`lab-check-chrome-${version}.zip`, join(root, 'dist/chrome'));
zipDirectory(`lab-check-firefox-${version}.zip`, join(root, 'dist/firefox'));
writeZip(`lab-check-source-${version}.zip`, sourceFiles());
