/**
 * Firefox's event page stopped in the middle of a check, as about:debugging's
 * "Terminate background script" button stops it (over the Remote Debugging
 * Protocol, addon-debugger.ts). The hostile page (e2e/hostile-scenario.ts)
 * can delay its reply to the next read by two seconds, so the stopped check
 * is still waiting for the page. The popup then sends the check again, no
 * popup may show part of a report, and the stored result stays whole.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { checkCountKey } from '../../src/extension/storage-schema.ts';
import { HOSTILE_CHECK_MS, HOSTILE_PAGE, partialReportIn, type HostileState } from '../hostile-scenario.ts';
import { STEP_IDS } from '../solutions.ts';
import { launchDebuggedFirefox, type AddonDebugger } from './addon-debugger.ts';
import { startCourseSite, type CourseSite } from './course.ts';
import { attributeOf, checkPage, FOREGROUND_TIMER_PREFS, openPopup, readState, textOf, waitUntil } from './firefox.ts';

const TEST_TIMEOUT_MS = 90_000;
const POLL_MS = 50;

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ids of the event page's contexts. `runtime.getContexts` does not wake the event page, as a message would. */
const eventPageContexts = (popup: Page): Promise<string[]> =>
  popup.evaluate(async () => {
    const contexts = await chrome.runtime.getContexts({ contextTypes: ['BACKGROUND' as chrome.runtime.ContextType] });
    return contexts.map((context) => context.contextId);
  });

/**
 * Terminates the event page whose contexts are `running`, and asserts that
 * they are gone. A message may wake a new event page at once, but never the
 * same context again.
 */
async function terminateEventPage(popup: Page, running: string[]): Promise<void> {
  assert.notDeepEqual(running, [], 'the event page runs before it is terminated');
  await addon.terminateBackgroundScript();
  const left = (await eventPageContexts(popup)).filter((id) => running.includes(id));
  assert.deepEqual(left, [], 'the event page was terminated');
}

/** Returns why the popup shows part of a report, or undefined when it shows a whole one or none. */
function partialReport(popup: Page): Promise<string | undefined> {
  return popup.evaluate(partialReportIn, STEP_IDS);
}

/**
 * Waits until `popup` shows a result, and asserts on the way that it shows
 * no error and never part of a report: only the last complete report or a
 * check in progress.
 */
async function waitForWholeReport(popup: Page): Promise<void> {
  const deadline = Date.now() + HOSTILE_CHECK_MS * 2;
  let view: string | null = null;
  while (Date.now() < deadline && view !== 'state') {
    view = await attributeOf(popup, 'popup', 'data-view');
    assert.notEqual(view, 'error', (await textOf(popup, '[data-testid="state-error"]')) ?? 'the popup shows an error');
    assert.equal(await partialReport(popup), undefined);
    await sleep(POLL_MS);
  }
  assert.equal(view, 'state');
  assert.equal(await partialReport(popup), undefined);
}

/** Asserts that the tab's stored result is a report with every step, and returns when it was checked. */
async function assertWholeReport(popup: Page, tabId: number, label: string): Promise<number> {
  const stored = await readState(popup, tabId);
  assert.equal(stored.state, 'report', label);
  assert.equal(stored.state === 'report' ? stored.report.steps.length : 0, STEP_IDS.length, label);
  return stored.checkedAt;
}

test('event page stopped mid-check', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await browser.newPage();
  const opened: Page[] = [page];
  try {
    await page.goto(`${site.url}${HOSTILE_PAGE}`);
    await page.waitForFunction(() => (window as unknown as { hostile?: HostileState }).hostile?.ready === true);
    const first = await checkPage(browser, page);
    opened.push(first.popup);
    const { popup, tabId } = first;
    const completeAt = await assertWholeReport(popup, tabId, 'the first check');

    // The e2e build counts each check before it reads the page, and the page then takes two seconds to reply.
    const key = checkCountKey(tabId);
    const checks = async () => Number((await popup.evaluate((name) => chrome.storage.session.get(name), key))[key] ?? 0);
    const counted = await checks();
    await page.evaluate(() => {
      (window as unknown as { hostile: HostileState }).hostile.slowReads = 1;
    });
    const slow = await openPopup(browser, page);
    opened.push(slow.popup);
    assert.equal(await attributeOf(slow.popup, 'popup', 'data-view'), 'checking');
    assert.equal(await waitUntil(checks, (count) => count > counted), counted + 1, 'the slow check started');
    await terminateEventPage(popup, await eventPageContexts(popup));

    // The stopped check never replied, so its popup sent it again, to a new event page, and shows that
    // check's whole report. The e2e build counted both checks.
    await waitForWholeReport(slow.popup);
    assert.equal(await waitUntil(checks, (count) => count >= counted + 2), counted + 2, 'the popup sent the check again');
    const retriedAt = await assertWholeReport(slow.popup, tabId, 'the check sent again');
    assert.ok(retriedAt > completeAt, `checked at ${retriedAt}, the first check at ${completeAt}`);

    // The next popup shows the last complete report or a check in progress, and never part of one.
    const next = await openPopup(browser, page);
    opened.push(next.popup);
    const running = await eventPageContexts(popup);
    await waitForWholeReport(next.popup);
    const nextAt = await assertWholeReport(next.popup, tabId, 'the check after the restart');
    assert.ok(nextAt > retriedAt, `checked at ${nextAt}, the check sent again at ${retriedAt}`);

    // Stopped again right after a check replies. The popup shows "checking" from the click until the
    // reply, and the worker has sent the result to storage.session before it replies.
    const before = await checks();
    await next.popup.click('[data-testid="check-again"]');
    await waitUntil(checks, (count) => count > before);
    const shown = await waitUntil(() => attributeOf(next.popup, 'popup', 'data-view'), (current) => current !== 'checking');
    await terminateEventPage(popup, running);
    assert.equal(shown, 'state');
    const keptAt = await assertWholeReport(next.popup, tabId, 'the result stored as the event page stopped');
    assert.ok(keptAt > nextAt, `kept the result of ${keptAt}, not the newer one after ${nextAt}`);
  } finally {
    await Promise.all(opened.map((tab) => tab.close().catch(() => undefined)));
  }
});
