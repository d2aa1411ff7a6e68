/**
 * What the extension sends over the network in Firefox: nothing. Two
 * observations together cover it. The add-on's Remote Debugging Protocol
 * watcher (addon-debugger.ts), which feeds the add-on toolbox's Network
 * panel, reports every request of the event page, the popup, the instructor
 * page and their workers. WebDriver BiDi reports the requests of each tab,
 * which covers the course page.
 *
 * NOTE: no canary shows that the watcher sees a request of the instructor
 * page's grading workers, because Firefox 153 lists no worker target for an
 * add-on. The watcher matches requests by the add-on's principal, which
 * these workers have too.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page, Target } from 'puppeteer-core';
import { HOSTILE_CHECK_MS, HOSTILE_PAGE, type HostileState } from '../hostile-scenario.ts';
import { LAB_ID } from '../scenarios.ts';
import { launchDebuggedFirefox, type AddonDebugger, type ExtensionDocument } from './addon-debugger.ts';
import { startCourseSite, type CourseSite } from './course.ts';
import { checkPage, EXTENSION_ORIGIN, FOREGROUND_TIMER_PREFS, waitForNewPage, waitUntil } from './firefox.ts';

const TEST_TIMEOUT_MS = 90_000;
const REGRADE_TIMEOUT_MS = 30_000;
const SUBMISSIONS = ['correct.py', 'per-step.json'].map((file) => join(import.meta.dirname, '..', 'submissions', LAB_ID, file));

let browser: Browser;
let site: CourseSite;
let addon: AddonDebugger;

before(async () => {
  let launched;
  [launched, site] = await Promise.all([launchDebuggedFirefox(FOREGROUND_TIMER_PREFS), startCourseSite()]);
  ({ browser, addon } = launched);
});

after(async () => {
  addon?.close();
  await browser?.close();
  await site?.close();
});

/** Records the URL of every request that any tab makes, as WebDriver BiDi reports it. */
function recordTabRequests(): { urls: string[]; stop(): void } {
  const urls: string[] = [];
  const observe = (page: Page) => page.on('request', (request) => urls.push(request.url()));
  // Worker targets have no page: puppeteer's `page()` rejects for them.
  const onTarget = (target: Target) => {
    if (target.type() === 'page') void target.page().then((created) => created && observe(created));
  };
  void browser.pages().then((pages) => pages.forEach(observe));
  browser.on('targetcreated', onTarget);
  return { urls, stop: () => browser.off('targetcreated', onTarget) };
}

/** Fetches `url` from `document`, over RDP as the toolbox's console would, and returns the response status. */
async function fetchFrom(document: ExtensionDocument, url: string): Promise<number> {
  const status = await addon.evaluate(document, `fetch(${JSON.stringify(url)}).then((response) => response.status)`);
  assert.equal(typeof status, 'number', `fetch from ${document.url} returned ${JSON.stringify(status)}`);
  return status as number;
}

/** Picks the submission files with the instructor page's file input and waits until they are regraded. */
async function regrade(page: Page): Promise<void> {
  await page.select('[data-testid="lab"]', LAB_ID);
  const input = await page.$('input[data-testid="pick-files"]');
  assert.ok(input, 'the instructor page has a file input');
  await input.uploadFile(...SUBMISSIONS);
  try {
    await page.waitForSelector('[data-testid="progress"][data-state="done"]', { timeout: REGRADE_TIMEOUT_MS });
  } catch (error) {
    const progress = await page.evaluate(() => document.querySelector('[data-testid="progress"]')?.outerHTML ?? 'none');
    const failure = await page.evaluate(() => document.querySelector('.failure')?.textContent ?? 'none');
    throw new Error(`The instructor page did not finish regrading: progress ${progress}, failure ${failure}`, { cause: error });
  }
}

test('extension makes no network request', { timeout: TEST_TIMEOUT_MS }, async () => {
  const tabRequests = recordTabRequests();
  const page = await browser.newPage();
  const opened: Page[] = [page];
  const canaries = new Map<string, string>();
  const canary = (from: string) => {
    const url = `${site.url}canary-from-${from}`;
    canaries.set(url, from);
    return url;
  };
  try {
    await page.goto(`${site.url}${HOSTILE_PAGE}`);
    await page.waitForFunction(() => (window as unknown as { hostile?: HostileState }).hostile?.ready === true);
    const { popup } = await checkPage(browser, page);
    opened.push(popup);
    await popup.click('[data-testid="check-again"]');
    await popup.waitForSelector('[data-testid="popup"][data-view="state"]', { timeout: HOSTILE_CHECK_MS });
    await popup.click('[data-testid="show-step-role-name"]');

    // A request that each part makes on purpose must be seen, or the observation proves nothing.
    const eventPage = await addon.waitForDocument(`${EXTENSION_ORIGIN}_generated_background_page.html`);
    const popupPage = await addon.waitForDocument(`${EXTENSION_ORIGIN}popup.html?`);
    assert.equal(await fetchFrom(eventPage, canary('event-page')), 404);
    assert.equal(await fetchFrom(popupPage, canary('popup')), 404);

    // The popup's button opens the instructor page, and the popup closes itself.
    const known = new Set(await browser.pages());
    await popup.click('[data-testid="open-instructor"]');
    const instructor = await waitForNewPage(browser, known, `${EXTENSION_ORIGIN}instructor.html`);
    opened.push(instructor);
    await instructor.waitForSelector('[data-testid="dropzone"]');
    await regrade(instructor);
    const instructorPage = await addon.waitForDocument(`${EXTENSION_ORIGIN}instructor.html`);
    assert.equal(await fetchFrom(instructorPage, canary('instructor-page')), 404);

    const seen = async () => addon.requests.filter((request) => canaries.has(request.url)).map((request) => canaries.get(request.url));
    const expected = [...canaries.values()].sort();
    assert.deepEqual((await waitUntil(seen, (found) => found.length >= expected.length)).sort(), expected);
    const byUrl = new Map(addon.requests.map((request) => [request.url, request]));
    assert.equal(byUrl.get(canary('event-page'))?.innerWindowId, eventPage.innerWindowId, 'the event page made its canary request');
    assert.equal(byUrl.get(canary('popup'))?.innerWindowId, popupPage.innerWindowId, 'the popup made its canary request');
    assert.equal(byUrl.get(canary('instructor-page'))?.innerWindowId, instructorPage.innerWindowId);

    // The extension requests nothing else, and the tabs load only the fixture server's files.
    const unexpected = addon.requests.filter((request) => !canaries.has(request.url));
    assert.deepEqual(unexpected, []);
    const fixtureFiles = new Set([HOSTILE_PAGE, 'hostile.js', 'favicon.ico'].map((file) => `${site.url}${file}`));
    // data: and about: URLs stay inside the browser, and Firefox loads a data: font for its own widgets.
    const local = (url: string) => url.startsWith(EXTENSION_ORIGIN) || url.startsWith('data:') || url.startsWith('about:');
    const allowed = (url: string) => local(url) || canaries.has(url) || fixtureFiles.has(url.split('#')[0] ?? url);
    assert.ok(tabRequests.urls.includes(`${site.url}hostile.js`), `BiDi observed ${tabRequests.urls.join(', ')}`);
    assert.deepEqual(tabRequests.urls.filter((url) => !allowed(url)), []);
  } finally {
    tabRequests.stop();
    await Promise.all(opened.map((tab) => tab.close().catch(() => undefined)));
  }
});
