import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BROWSER_ENV, HELPER_PAGE, extensionArgs, findChromium, findExtension, prepareExtension } from './browser.ts';

test('findChromium uses the requested binary', () => {
  assert.equal(findChromium(process.execPath, {}, []), process.execPath);
});

test('findChromium uses the environment', () => {
  assert.equal(findChromium(undefined, { [BROWSER_ENV]: process.execPath }, []), process.execPath);
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
