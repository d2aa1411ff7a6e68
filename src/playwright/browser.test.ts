import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  BROWSER_ENV,
  EXTENSION_ENV,
  HELPER_PAGE,
  extensionArgs,
  findChromium,
  findExtension,
  packageRoot,
  prepareExtension,
} from './browser.ts';

/** Writes a file into a new temporary folder and returns its path. */
function tempFile(name: string, text: string, mode = 0o644): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lab-check-test-')), name);
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

/** Writes a minimal built extension (manifest and worker) into a new temporary folder. */
function tempBuild(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lab-check-test-'));
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ background: { service_worker: 'background.js' } }));
  writeFileSync(join(folder, 'background.js'), '// worker');
  return folder;
}

test('findChromium uses the requested binary', () => {
  assert.equal(findChromium(process.execPath, {}, []), process.execPath);
});

test('findChromium uses the environment', () => {
  assert.equal(findChromium(undefined, { [BROWSER_ENV]: process.execPath }, []), process.execPath);
});

test('findChromium prefers the option to the environment', () => {
  const env = { [BROWSER_ENV]: '/nonexistent/from-env' };
  assert.equal(findChromium(process.execPath, env, []), process.execPath);
});

test('findChromium takes the first installed default', () => {
  const defaults = ['/nonexistent/chromium', process.execPath, '/nonexistent/other'];
  assert.equal(findChromium(undefined, {}, defaults), process.execPath);
});

test('findChromium ignores an empty environment variable', () => {
  assert.equal(findChromium(undefined, { [BROWSER_ENV]: '' }, [process.execPath]), process.execPath);
});

test('findChromium rejects a file that is not executable', () => {
  const file = tempFile('chromium', '#!/bin/sh\n');
  assert.throws(() => findChromium(undefined, { [BROWSER_ENV]: file }, [process.execPath]), /does not exist or is not executable/);
});

test('findChromium keeps a missing named binary', () => {
  assert.throws(() => findChromium('/nonexistent/chromium', {}, [process.execPath]), /\/nonexistent\/chromium does not exist/);
});

test('findChromium rejects a missing binary', () => {
  assert.throws(() => findChromium('/nonexistent/chromium', {}, []), /\/nonexistent\/chromium does not exist.*LAB_CHECK_CHROMIUM/);
});

test('findChromium names the install command', () => {
  assert.throws(
    () => findChromium(undefined, {}, ['/nonexistent/chromium']),
    /No Chromium found \(looked for \/nonexistent\/chromium\)\. Install one with "sudo apt-get install -y chromium"/,
  );
});

test('findExtension takes the option, then the environment', () => {
  const fromOption = tempBuild();
  const fromEnv = tempBuild();
  assert.equal(findExtension(fromOption, { [EXTENSION_ENV]: fromEnv }), fromOption);
  assert.equal(findExtension(undefined, { [EXTENSION_ENV]: fromEnv }), fromEnv);
});

test('packageRoot finds the lab-check package above a nested folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'lab-check-test-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'lab-check' }));
  const nested = join(root, 'dist', 'playwright');
  mkdirSync(join(nested, 'inner'), { recursive: true });
  writeFileSync(join(nested, 'package.json'), JSON.stringify({ name: 'something-else' }));
  assert.equal(packageRoot(join(nested, 'inner')), root);
});

test('packageRoot rejects a folder outside any lab-check package', () => {
  const outside = mkdtempSync(join(tmpdir(), 'lab-check-test-'));
  assert.throws(() => packageRoot(outside), /No lab-check package\.json above/);
});

test('findExtension rejects a folder without a build', () => {
  const empty = mkdtempSync(join(tmpdir(), 'lab-check-test-'));
  assert.throws(() => findExtension(empty, {}), /manifest\.json is missing\. Run "npm run build"/);
});

test('findExtension rejects a build without its worker', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lab-check-test-'));
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ background: { service_worker: 'background.js' } }));
  assert.throws(() => findExtension(folder, {}), /has no service worker script \(background\.js\)/);
});

test('prepareExtension grants only the given hosts', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lab-check-test-'));
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ name: 'x', permissions: ['storage'] }));
  writeFileSync(join(folder, 'background.js'), '// worker');

  const copy = prepareExtension(folder, ['http://127.0.0.1/*']);
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest, { name: 'x', permissions: ['storage'], host_permissions: ['http://127.0.0.1/*'] });
  assert.equal(readFileSync(join(copy, 'background.js'), 'utf8'), '// worker');
  assert.match(readFileSync(join(copy, HELPER_PAGE), 'utf8'), /<title>Lab Check test helper<\/title>/);
  assert.deepEqual(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')).host_permissions, undefined);
});

test('extensionArgs load one extension', () => {
  const args = extensionArgs('/tmp/ext');
  assert.ok(args.includes('--disable-extensions-except=/tmp/ext'));
  assert.ok(args.includes('--load-extension=/tmp/ext'));
});
