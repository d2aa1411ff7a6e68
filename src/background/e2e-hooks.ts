/**
 * Test hooks compiled only into the e2e builds. Firefox's WebDriver BiDi
 * will not navigate to `moz-extension://` pages, so a test opens the popup
 * for a tab by loading the tab's page with the fragment `#lab-check-popup`:
 * the worker then opens `popup.html?tabId=ID` in a new tab of its own.
 * The e2e builds' host access to 127.0.0.1 lets the worker see the URL.
 * Puppeteer over BiDi lists that tab with the URL `about:blank`; its
 * `location.href` is the popup's.
 */
import { browser } from '../extension/browser.ts';
import { readSession, writeSession } from '../extension/session-store.ts';
import { checkCountKey } from '../extension/storage-schema.ts';

export const OPEN_POPUP_FRAGMENT = '#lab-check-popup';

let counting: Promise<void> = Promise.resolve();

/** Counts one check of `tabId` in session storage, where the counts outlive a stopped worker. */
export function countCheck(tabId: number): void {
  counting = counting
    .then(async () => writeSession(checkCountKey(tabId), ((await readSession<number>(checkCountKey(tabId))) ?? 0) + 1))
    .catch(() => undefined);
}

export function installE2eHooks(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url === undefined || !change.url.endsWith(OPEN_POPUP_FRAGMENT)) return;

    void browser.tabs.create({ url: browser.runtime.getURL(`popup.html?tabId=${tabId}`) });
  });
}
