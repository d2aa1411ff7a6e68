/**
 * The Firefox driver of the e2e scenarios: Puppeteer drives Debian's
 * Firefox ESR over WebDriver BiDi, headless, with the e2e build of the
 * extension (dist/firefox-e2e) installed as a temporary add-on.
 *
 * BiDi does not navigate to `moz-extension://` pages, so the popup is opened
 * through the e2e build's hook. The course page's URL gets the fragment
 * `#lab-check-popup`, and the worker opens `popup.html?tabId=ID` in a new
 * tab. The driver finds that tab among the browser's pages by its
 * `location.href`, because BiDi lists its URL as `about:blank`.
 */
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { TabState } from '../../src/background/messages.ts';
import type { PageSnapshot, Reader } from '../../src/content/page-snapshot.ts';
import type { SubmissionReport } from '../../src/core/engine/report.ts';
import { readersByStep } from '../../src/playwright/readers.ts';
import { GECKO_ID } from '../../scripts/manifests.mjs';

/** Environment variable naming the Firefox binary to use. */
export const FIREFOX_ENV = 'LAB_CHECK_FIREFOX';
export const DEFAULT_FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The add-on's fixed internal UUID, so that its pages are at a known `moz-extension://` origin. */
export const EXTENSION_UUID = '6b1f6a0e-2c1d-4f49-9d3b-7a6e2f0c9a11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}/`;

/** The fragment that makes the e2e build open the popup for a tab (src/background/e2e-hooks.ts). */
const OPEN_POPUP_FRAGMENT = 'lab-check-popup';
const CHECK_TIMEOUT_MS = 15_000;
const POLL_MS = 50;

const E2E_BUILD = join(import.meta.dirname, '..', '..', 'dist', 'firefox-e2e');

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const named = env[FIREFOX_ENV];
  const candidates = named ? [named] : DEFAULT_FIREFOX;
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Try the next one.
    }
  }
  throw new Error(
    `No Firefox found (looked for ${candidates.join(', ')}). ` +
      `Install one with "sudo apt-get install -y firefox-esr", or set ${FIREFOX_ENV} to a Firefox binary.`,
  );
}

/** Returns the e2e build of the Firefox extension, which has the popup hook and host access to 127.0.0.1. */
export function findFirefoxExtension(): string {
  const manifestPath = join(E2E_BUILD, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No e2e build at ${E2E_BUILD}. Run "node scripts/build.mjs --e2e" first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!Array.isArray(manifest.background?.scripts)) {
    throw new Error(`${manifestPath} has no background.scripts: it is not a Firefox build.`);
  }
  return E2E_BUILD;
}

export interface LaunchOptions {
  /** Extra Firefox preferences, such as a short idle timeout for the background page. */
  prefs?: Record<string, unknown>;
  /**
   * A TCP port on 127.0.0.1 (from `freeLoopbackPort` in rdp.ts) on which
   * Firefox serves the Remote Debugging Protocol, for `RdpClient.connect`.
   */
  debuggerPort?: number;
}

/** The prefs that let `--start-debugger-server` accept a client without a prompt, on loopback only. */
const DEBUGGER_SERVER_PREFS = {
  'devtools.debugger.remote-enabled': true,
  'devtools.chrome.enabled': true,
  'devtools.debugger.prompt-connection': false,
  'devtools.debugger.force-local': true,
};

/**
 * Prefs that keep a background tab's timers at full rate. The e2e popup
 * opens as a tab of its own, which sends the course page to the
 * background, where Firefox runs its timers at most once a second. A
 * learner's popup leaves the page in front.
 */
export const FOREGROUND_TIMER_PREFS = {
  'dom.min_background_timeout_value': 4,
  'dom.min_background_timeout_value_without_budget_throttling': 4,
  'dom.timeout.enable_budget_timer_throttling': false,
};

/** Launches headless Firefox with the extension installed as a temporary add-on. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<Browser> {
  const { debuggerPort } = options;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: debuggerPort === undefined ? [] : ['--start-debugger-server', String(debuggerPort)],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Grants `permissions.request` without the prompt that a test cannot answer.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(debuggerPort === undefined ? {} : DEBUGGER_SERVER_PREFS),
      ...options.prefs,
    },
  });
  // Firefox reads a temporary add-on's files from its folder while it runs, and a build started
  // meanwhile rewrites dist/firefox-e2e, so each browser gets a copy of its own.
  const copy = mkdtempSync(join(tmpdir(), 'lab-check-firefox-addon-'));
  browser.once('disconnected', () => rmSync(copy, { recursive: true, force: true }));
  try {
    cpSync(findFirefoxExtension(), copy, { recursive: true });
    const id = await browser.installExtension(copy);
    if (id !== GECKO_ID) throw new Error(`Firefox installed the add-on as ${id}, not ${GECKO_ID}.`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `location.href` of a page, or '' for a page that is closing or not yet loaded. */
const hrefOf = (page: Page): Promise<string> => page.evaluate(() => location.href).catch(() => '');

/**
 * Waits for a page that is not in `known` and whose `location.href` starts
 * with `prefix`, such as a tab that the extension opened, and returns it.
 */
export async function waitForNewPage(browser: Browser, known: ReadonlySet<Page>, prefix: string): Promise<Page> {
  const deadline = Date.now() + CHECK_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (known.has(page)) continue;
      if ((await hrefOf(page)).startsWith(prefix)) return page;
    }
    await sleep(POLL_MS);
  }
  throw new Error(`No new page at ${prefix} opened within ${CHECK_TIMEOUT_MS} ms.`);
}

/** The result of one check, as the popup received it; the same shape as the Playwright fixture's. */
export interface CheckResult {
  state: TabState;
  report: SubmissionReport | undefined;
  readers: Record<string, Reader>;
  snapshot: PageSnapshot;
  popup: Page;
  tabId: number;
}

/** Opens the popup for `page`'s tab without waiting for its check to finish. */
export async function openPopup(browser: Browser, page: Page): Promise<{ popup: Page; tabId: number }> {
  const known = new Set(await browser.pages());
  await page.evaluate((fragment) => {
    location.hash = '';
    location.hash = fragment;
  }, OPEN_POPUP_FRAGMENT);
  const popup = await waitForNewPage(browser, known, `${EXTENSION_ORIGIN}popup.html?`);
  const tabId = Number(new URL(await hrefOf(popup)).searchParams.get('tabId'));
  return { popup, tabId };
}

/** Waits until the popup shows a result, or throws the error it shows. */
export async function waitForResult(popup: Page): Promise<void> {
  const done = await popup.waitForSelector(
    '[data-testid="popup"][data-view="state"], [data-testid="popup"][data-view="error"]',
    { timeout: CHECK_TIMEOUT_MS },
  );
  if ((await done?.evaluate((element) => element.getAttribute('data-view'))) === 'error') {
    throw new Error(`The popup reported an error: ${await textOf(popup, '[data-testid="state-error"]')}`);
  }
}

/** Asks the worker, from the popup page, for the tab's stored result. */
export async function readState(popup: Page, tabId: number): Promise<TabState> {
  const reply = (await popup.evaluate(
    (id) => chrome.runtime.sendMessage({ kind: 'lab-check/get-state', tabId: id }),
    tabId,
  )) as { ok: boolean; value?: TabState | null; error?: string };
  if (!reply.ok || !reply.value) {
    throw new Error(`The extension returned no result for tab ${tabId}: ${reply.error ?? 'none stored'}`);
  }
  return reply.value;
}

async function readSnapshot(popup: Page, tabId: number): Promise<PageSnapshot> {
  return popup.evaluate(
    (id) => chrome.tabs.sendMessage(id, { kind: 'lab-check/read-page' }, { frameId: 0 }),
    tabId,
  ) as Promise<PageSnapshot>;
}

/** Checks `page` through the popup, as a learner's click does. */
export async function checkPage(browser: Browser, page: Page): Promise<CheckResult> {
  const { popup, tabId } = await openPopup(browser, page);
  await waitForResult(popup);
  const state = await readState(popup, tabId);
  const snapshot = await readSnapshot(popup, tabId);
  const report = state.state === 'report' ? state.report : undefined;
  return { state, report, readers: readersByStep(state, snapshot), snapshot, popup, tabId };
}

/** The value of `attribute` on the popup element with `data-testid` `testId`, or null when there is none. */
export async function attributeOf(popup: Page, testId: string, attribute: string): Promise<string | null> {
  return popup.evaluate(
    (id, name) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(name) ?? null,
    testId,
    attribute,
  );
}

/** The text of the first element matching `selector` in `page`, or null when there is none. */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((css) => document.querySelector(css)?.textContent ?? null, selector);
}

/** Polls `read` until it returns a value that `done` accepts; returns the last value read. */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = CHECK_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(POLL_MS);
    value = await read();
  }
  return value;
}
