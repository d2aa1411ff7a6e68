import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { browserManifests, e2eManifest, E2E_HOST, GECKO_ID } from './manifests.mjs';

const source = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
const { chrome, firefox } = browserManifests(source, '1.2.3');

test('source manifest permissions', () => {
  assert.deepEqual(source.permissions, ['storage', 'activeTab', 'scripting']);
  assert.deepEqual(source.optional_host_permissions, ['http://*/*', 'https://*/*']);
  assert.equal(source.host_permissions, undefined);
  assert.equal(source.content_scripts, undefined);
  assert.ok(source.commands._execute_action, 'a shortcut opens the popup');
  assert.equal(source.name, '__MSG_extensionName__');
});

test('chrome manifest background', () => {
  assert.deepEqual(chrome.background, { service_worker: 'background.js', type: 'module' });
  assert.equal(chrome.version, '1.2.3');
  assert.equal(chrome.browser_specific_settings, undefined);
});

test('firefox manifest background', () => {
  assert.deepEqual(firefox.background, { scripts: ['background.js'], type: 'module' });
  assert.equal(firefox.version, '1.2.3');
  assert.equal('minimum_chrome_version' in firefox, false);
});

test('firefox gecko settings', () => {
  const settings = firefox.browser_specific_settings as {
    gecko: { id: string; strict_min_version: string; data_collection_permissions: unknown };
    gecko_android: { strict_min_version: string };
  };
  assert.equal(settings.gecko.id, GECKO_ID);
  assert.ok(Number.parseFloat(settings.gecko.strict_min_version) >= 128, 'MAIN-world scripts need Firefox 128');
  assert.ok(Number.parseFloat(settings.gecko.strict_min_version) >= 140, 'data_collection_permissions needs Firefox 140');
  assert.deepEqual(settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.ok(Number.parseFloat(settings.gecko_android.strict_min_version) >= 142);
});

test('both keep permissions', () => {
  for (const manifest of [chrome, firefox]) {
    assert.deepEqual(manifest.permissions, source.permissions);
    assert.deepEqual(manifest.optional_host_permissions, source.optional_host_permissions);
    assert.equal(manifest.host_permissions, undefined);
  }
});

test('e2e manifest adds loopback host', () => {
  const e2e = e2eManifest(chrome);
  assert.deepEqual(e2e.host_permissions, [E2E_HOST]);
  assert.equal(chrome.host_permissions, undefined, 'the release manifest is not changed');
});

test('locale has every manifest message', () => {
  const messages = JSON.parse(readFileSync(new URL('../assets/_locales/en/messages.json', import.meta.url), 'utf8'));
  const used = JSON.stringify(source).match(/__MSG_(\w+)__/g) ?? [];
  assert.ok(used.length >= 4);
  for (const placeholder of used) {
    const key = placeholder.slice('__MSG_'.length, -'__'.length);
    assert.ok(messages[key]?.message, `messages.json lacks ${key}`);
  }
});
