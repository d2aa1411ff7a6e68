/**
 * The background worker (a module service worker in Chrome, an event page
 * in Firefox): routes the popup's and content scripts' messages, reads and
 * grades pages, keeps each tab's last result in session storage and shows
 * it on the badge.
 */
import * as z from 'zod/mini';
import { browser } from '../extension/browser.ts';
import { createLogger } from '../extension/logger.ts';
import { clearSessionFallback, readSession, removeSession, tabStateKey, writeSession } from '../extension/session-store.ts';
import { wrapTabState } from '../extension/storage-schema.ts';
import {
  autoCheckState,
  disableAutoCheck,
  enableAutoCheck,
  isAutoCheckOrigin,
  onPermissionsRemoved,
  reconcileAutoCheck,
} from './auto-check.ts';
import { showBadge } from './badge.ts';
import { countCheck, installE2eHooks } from './e2e-hooks.ts';
import { gradePage, gradePasted, listLabs } from './grade-page.ts';
import type { TabState } from './messages.ts';
import { markPreviousPage } from './previous-page.ts';
import { PageNotReadableError, readPage, scrollPageTo } from './read-page.ts';
import { createRouter, type Handlers } from './router.ts';
import { forgetTab, isContentScript, isExtensionPage } from './senders.ts';
import { migrateLocalItems, readStoredTabState } from './stored-state.ts';
import { originOf } from './url.ts';

// Extension pages forbid `new Function`, which zod probes for unless `jitless` is set.
z.config({ jitless: true });

const log = createLogger('worker');

/**
 * How long the page must be quiet after an edit before an automatic re-check.
 * A pending timer does not keep the worker alive, so this must stay well
 * under the idle time after which Chrome stops the service worker and
 * Firefox unloads the event page (30 s in both).
 */
const EDIT_DEBOUNCE_MS = 600;

async function writeState(tabId: number, state: TabState): Promise<TabState> {
  await writeSession(tabStateKey(tabId), wrapTabState(state));
  await showBadge(tabId, state).catch((error) => log.error('could not set the badge', error));
  return state;
}

/** Each tab's pending writes, so that a check's result and the previous-page mark land in order. */
const tabWrites = new Map<number, Promise<unknown>>();

function inOrder<T>(tabId: number, write: () => Promise<T>): Promise<T> {
  const result = (tabWrites.get(tabId) ?? Promise.resolve()).then(write);
  const settled = result.catch(() => undefined);
  tabWrites.set(tabId, settled);
  void settled.then(() => {
    if (tabWrites.get(tabId) === settled) tabWrites.delete(tabId);
  });
  return result;
}

const saveState = (tabId: number, state: TabState): Promise<TabState> => inOrder(tabId, () => writeState(tabId, state));

/** Returns the tab's URL, or undefined when the tab is gone or the browser hides its URL from the extension. */
async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}

/** Marks the tab's stored result as the previous page's when the tab now shows another URL. */
function markIfNavigated(tabId: number): Promise<void> {
  return inOrder(tabId, async () => {
    const stored = await storedState(tabId);
    if (stored === undefined || stored.state === 'unreadable') return;

    const marked = markPreviousPage(stored, await tabUrl(tabId));
    if (marked) await writeState(tabId, marked);
  });
}

/** The tab's last complete check result; an incomplete or unknown stored value reads as none. */
async function storedState(tabId: number): Promise<TabState | undefined> {
  return readStoredTabState(await readSession<unknown>(tabStateKey(tabId)));
}

/** Brings `storage.local` to the current schema version after an install or update. */
async function migrateLocalStorage(): Promise<void> {
  const items = migrateLocalItems(await browser.storage.local.get(null));
  if (items) await browser.storage.local.set(items);
}

const E2E = typeof LAB_CHECK_E2E === 'boolean' && LAB_CHECK_E2E;

async function checkTab(tabId: number): Promise<TabState> {
  if (E2E) countCheck(tabId);
  const started = performance.now();
  let snapshot;
  try {
    snapshot = await readPage(tabId, false);
  } catch (error) {
    if (!(error instanceof PageNotReadableError)) throw error;
    return saveState(tabId, { state: 'unreadable', detail: error.message, checkedAt: Date.now() });
  }
  const read = performance.now();
  const graded = gradePage(snapshot);
  log.debug(`checked tab ${tabId}: read ${(read - started).toFixed(1)} ms, graded ${(performance.now() - read).toFixed(1)} ms`);
  // A page that navigated while it was read leaves a result of the page before. A navigation that
  // commits after this URL check is caught by the tabs.onUpdated listener: `saveState` queues this
  // result before any other event can run, so the listener's mark is written after it.
  const state = markPreviousPage(graded, await tabUrl(tabId)) ?? graded;
  // The popup gets the result without waiting for storage; it renders the stored copy again when it lands.
  saveState(tabId, state).catch((error) => log.error('could not store a check result', error));
  return state;
}

const pendingChecks = new Map<number, ReturnType<typeof setTimeout>>();

function scheduleCheck(tabId: number): void {
  clearTimeout(pendingChecks.get(tabId));
  pendingChecks.set(
    tabId,
    setTimeout(() => {
      pendingChecks.delete(tabId);
      checkTab(tabId).catch((error) => log.error('automatic check failed', error));
    }, EDIT_DEBOUNCE_MS),
  );
}

const handlers: Handlers = {
  'lab-check/get-state': async ({ tabId }) => (await storedState(tabId)) ?? null,
  'lab-check/check-tab': ({ tabId }) => checkTab(tabId),
  'lab-check/grade-pasted': async ({ tabId, labId, code, steps }) => {
    const previous = tabId === undefined ? undefined : await storedState(tabId);
    const state = gradePasted({ labId, code, steps }, previous);
    return tabId === undefined ? state : saveState(tabId, state);
  },
  'lab-check/scroll-to': ({ tabId, anchor, line }) => scrollPageTo(tabId, anchor, line),
  'lab-check/list-labs': async () => listLabs(),
  'lab-check/get-auto-check': async ({ tabId }) => {
    const state = await storedState(tabId);
    return autoCheckState(state && state.state !== 'unreadable' ? state.origin : undefined);
  },
  'lab-check/set-auto-check': ({ origin, enabled }) => (enabled ? enableAutoCheck(origin) : disableAutoCheck(origin)),
  // Edits re-check the page only on sites the learner opted into; elsewhere a check waits for a click.
  'lab-check/page-changed': async (_request, sender) => {
    const tabId = sender.tab?.id;
    const origin = originOf(sender.url);
    if (tabId === undefined || origin === undefined || !(await isAutoCheckOrigin(origin))) return { scheduled: false };

    scheduleCheck(tabId);
    return { scheduled: true };
  },
};

browser.runtime.onMessage.addListener(createRouter(handlers, { isExtensionPage, isContentScript }));

browser.tabs.onRemoved.addListener((tabId) => {
  clearTimeout(pendingChecks.get(tabId));
  void Promise.all([forgetTab(tabId), removeSession(tabStateKey(tabId))]).catch((error) =>
    log.error('could not forget a closed tab', error),
  );
});

// A navigation leaves the tab's result of the page before: the popup shows it as such, with no badge.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'loading' && change.url === undefined) return;

  markIfNavigated(tabId).catch((error) => log.error('could not mark the result of a page left', error));
});

// On an opted-in site the registered content scripts run at every page load; the check follows them.
browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  const origin = change.status === 'complete' ? originOf(tab.url) : undefined;
  if (origin === undefined) return;

  isAutoCheckOrigin(origin)
    .then((enabled) => enabled && scheduleCheck(tabId))
    .catch((error) => log.error('could not look up an automatic check', error));
});

browser.permissions.onRemoved.addListener(() => {
  onPermissionsRemoved().catch((error) => log.error('could not drop a revoked site', error));
});

browser.runtime.onStartup.addListener(() => {
  clearSessionFallback().catch((error) => log.error('could not clear old session data', error));
});

browser.runtime.onInstalled.addListener(() => {
  migrateLocalStorage()
    .catch((error) => log.error('could not migrate the stored settings', error))
    .then(reconcileAutoCheck)
    .catch((error) => log.error('could not restore automatic checks', error));
});

if (E2E) installE2eHooks();
