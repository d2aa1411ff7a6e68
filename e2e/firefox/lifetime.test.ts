/**
 * What Firefox does differently from Chrome to the worker, end to end: its
 * event page is unloaded when idle (here after two seconds), the tab's
 * result must then come from `storage.session`, and the learner may revoke
 * a site's permission at any time, also while the event page is unloaded.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { STORAGE_SCHEMA_VERSION } from '../../src/extension/storage-schema.ts';
import { SOLUTION } from '../solutions.ts';
import { fillSteps, startCourseSite, type CourseSite } from './course.ts';
import { attributeOf, checkPage, launchFirefox, openPopup, readState, waitForResult, waitUntil } from './firefox.ts';

const TEST_TIMEOUT_MS = 60_000;
/**
 * Firefox unloads an idle event page after 30 s. Two seconds keep the test
 * short and still leave time for the worker's 600 ms edit debounce.
 */
const IDLE_TIMEOUT_MS = 2000;

let browser: Browser;
let site: CourseSite;
const pages: Page[] = [];

before(async () => {
  [browser, site] = await Promise.all([
    launchFirefox({ prefs: { 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS } }),
    startCourseSite(),
  ]);
});

after(async () => {
  await Promise.all(pages.map((page) => page.close().catch(() => undefined)));
  await browser?.close();
  await site?.close();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  pages.push(page);
  return page;
}

/** Whether the event page is loaded. `runtime.getContexts` does not wake it, as a message would. */
const backgroundRunning = (popup: Page): Promise<boolean> =>
  popup.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['BACKGROUND' as chrome.runtime.ContextType] })).length > 0);

async function waitForUnload(popup: Page): Promise<void> {
  const running = await waitUntil(() => backgroundRunning(popup), (value) => !value);
  assert.equal(running, false, 'Firefox did not unload the idle event page');
}

test('report survives an unloaded event page', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage();
  await site.open(page, 'codemirror6');
  await fillSteps(page, { ...SOLUTION, 'role-name': 'role_name = "TempAccessRole"' });
  const { state, popup, tabId } = await checkPage(browser, page);
  pages.push(popup);

  const stored = await popup.evaluate((key) => chrome.storage.session.get(key), `tab:${tabId}`);
  const envelope = { schemaVersion: STORAGE_SCHEMA_VERSION, state };
  assert.deepEqual(stored, { [`tab:${tabId}`]: envelope }, 'the result is kept in storage.session');

  await waitForUnload(popup);
  assert.deepEqual(await readState(popup, tabId), state, 'a reloaded event page answers from storage.session');

  // Opening the popup again wakes the event page through the e2e hook's `tabs.onUpdated` listener.
  await waitForUnload(popup);
  const again = await openPopup(browser, page);
  pages.push(again.popup);
  await waitForResult(again.popup);
  assert.equal(await attributeOf(again.popup, 'step-role-name', 'data-status'), 'fail');
});

test('revoked site is no longer checked automatically', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage();
  await site.open(page, 'textarea');
  await fillSteps(page, SOLUTION);
  const { popup, tabId } = await checkPage(browser, page);
  pages.push(popup);
  const origin = new URL(site.url).origin;
  const registered = () => popup.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id));
  const checkedAt = async () => (await readState(popup, tabId)).checkedAt;

  // A click, as the learner's: the permission request needs a user gesture.
  await popup.waitForSelector('[data-testid="auto-check-toggle"]:not([disabled])');
  await popup.click('[data-testid="auto-check-toggle"]');
  const scripts = await waitUntil(registered, (ids) => ids.length === 2);
  assert.deepEqual(scripts.sort(), [`auto-check ${origin}`, `auto-check main ${origin}`]);

  // An opted-in site is checked again when its page loads.
  const before = await checkedAt();
  await page.reload();
  assert.notEqual(await waitUntil(checkedAt, (at) => at !== before), before, 'the reloaded page was checked');

  // Revoked while the event page is unloaded, as from the add-on's page in about:addons.
  await waitForUnload(popup);
  assert.equal(await popup.evaluate((pattern) => chrome.permissions.remove({ origins: [pattern] }), `${origin}/*`), true);
  assert.deepEqual(await waitUntil(registered, (ids) => ids.length === 0), [], 'the scripts are unregistered');
  const settings = await popup.evaluate(() => chrome.storage.local.get('autoCheckOrigins'));
  assert.deepEqual(settings, { autoCheckOrigins: [] });

  const again = await openPopup(browser, page);
  pages.push(again.popup);
  await waitForResult(again.popup);
  const toggle = await again.popup.waitForSelector('[data-testid="auto-check-toggle"]:not([disabled])');
  assert.equal(await toggle?.evaluate((input) => (input as HTMLInputElement).checked), false);
});
