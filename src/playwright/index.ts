/**
 * A Playwright fixture that checks a course page with the Lab Check
 * extension, as a learner's click does, and returns the engine's report.
 *
 *   import { test, expect } from 'lab-check/playwright';
 *
 *   test('reference solution passes', async ({ page, checkPage }) => {
 *     await page.goto('http://127.0.0.1:8080/lab.html');
 *     const { report } = await checkPage(page);
 *     expect(report?.steps.every((step) => step.status === 'pass')).toBe(true);
 *   });
 *
 * Every test file shares one Chromium per Playwright worker, launched with
 * a persistent profile and the built extension loaded. Chromium is
 * `/usr/bin/chromium` unless the `labCheckBrowser` option or
 * `$LAB_CHECK_CHROMIUM` names another build.
 *
 * A test cannot click the toolbar button, and that click is what grants a
 * learner's check access to the page. So the fixture loads a copy of the
 * built extension with host access to the sites in `labCheckHosts`
 * (loopback by default). It then opens the popup for the page's tab, and the
 * popup runs the same check as after a click.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  test as base,
  chromium,
  type BrowserContext,
  type Page,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test';
import type { TabState } from '../background/messages.ts';
import type { PageSnapshot, Reader } from '../content/page-snapshot.ts';
import type { SubmissionReport } from '../core/engine/report.ts';
import { extensionArgs, findChromium, findExtension, HELPER_PAGE, prepareExtension } from './browser.ts';
import { readersByStep } from './readers.ts';

export { expect } from '@playwright/test';
/** The report's schema and its version: the stable contract for reading `checkPage`'s `report`. */
export { REPORT_SCHEMA_VERSION, submissionReportSchema as reportSchema } from '../core/engine/report.ts';
export type { SubmissionReport } from '../core/engine/report.ts';
export { BROWSER_ENV, EXTENSION_ENV, findChromium } from './browser.ts';
export { readersByStep } from './readers.ts';

/** The result of one check, as the popup received it. */
export interface CheckResult {
  /** The state the popup shows: a report, "no lab found", or a page the browser does not let it read. */
  state: TabState;
  /** The engine's report, when the page is a lab. */
  report: SubmissionReport | undefined;
  /** The reader that read each step's code, by step id, for the steps the page had code for. */
  readers: Record<string, Reader>;
  /** The page readers' output: headings, answers with their readers, quiz and notes. */
  snapshot: PageSnapshot;
  /** The popup page, left open for assertions on its `data-testid` elements; closed after the test. */
  popup: Page;
  /** The browser's id of the checked tab. */
  tabId: number;
}

export type CheckPage = (page: Page) => Promise<CheckResult>;

export interface LabCheckOptions {
  /** Chromium binary; default `$LAB_CHECK_CHROMIUM` or `/usr/bin/chromium`. */
  labCheckBrowser: string | undefined;
  /** Unpacked extension folder; default `$LAB_CHECK_EXTENSION` or the package's dist/chrome. */
  labCheckExtension: string | undefined;
  /** Sites the extension may read without a click (match patterns); default loopback on any port. */
  labCheckHosts: string[];
  labCheckHeadless: boolean;
}

interface LabCheckBrowser {
  context: BrowserContext;
  extensionId: string;
  /** An extension page kept open for extension API calls and CDP sessions. */
  helper: Page;
}

interface WorkerFixtures extends LabCheckOptions {
  labCheck: LabCheckBrowser;
}

interface TestFixtures {
  extensionId: string;
  checkPage: CheckPage;
  /** Stops the extension's service worker, as Chrome does after 30 s idle; it restarts on the next event. */
  stopServiceWorker: () => Promise<void>;
  /** Opens the popup for `page`'s tab without waiting for its check to finish. */
  openPopup: (page: Page) => Promise<Page>;
}

const CHECK_TIMEOUT_MS = 15_000;
/** Attempts, 500 ms apart, at copying a complete build of the extension. */
const BUILD_ATTEMPTS = 20;

const extensionPrefix = (extensionId: string) => `chrome-extension://${extensionId}/`;

/**
 * Copies the built extension for this browser, retrying for a few seconds
 * when a build running at the same moment has emptied the folder.
 */
async function copyBuild(options: LabCheckOptions): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    let copy: string | undefined;
    try {
      copy = prepareExtension(findExtension(options.labCheckExtension), options.labCheckHosts);
      findExtension(copy);
      return copy;
    } catch (error) {
      if (copy) rmSync(join(copy, '..'), { recursive: true, force: true });
      if (attempt >= BUILD_ATTEMPTS) throw error;
      await sleep(500);
    }
  }
}

async function launch(options: LabCheckOptions): Promise<LabCheckBrowser & { cleanup: () => void }> {
  const executablePath = findChromium(options.labCheckBrowser);
  const extension = await copyBuild(options);
  const userDataDir = mkdtempSync(join(tmpdir(), 'lab-check-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.labCheckHeadless,
    args: extensionArgs(extension),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const helper = await context.newPage();
  await helper.goto(`${extensionPrefix(extensionId)}${HELPER_PAGE}`);
  const cleanup = () => {
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(join(extension, '..'), { recursive: true, force: true });
  };
  return { context, extensionId, helper, cleanup };
}

/** Returns the browser's tab id of `page`, which must be on a site the extension may read. */
async function tabIdOf(helper: Page, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const tabs = await helper.evaluate(async () =>
    (await chrome.tabs.query({})).map((tab) => ({ id: tab.id, url: tab.url, active: tab.active })),
  );
  const matches = tabs.filter((tab) => tab.url === url && tab.id !== undefined);
  const tab = matches.find((candidate) => candidate.active) ?? matches[0];
  if (tab?.id === undefined) {
    throw new Error(`No browser tab shows ${url}. The extension can see only the sites in labCheckHosts.`);
  }
  return tab.id;
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/**
 * Stops the extension's service worker through CDP and waits until Chrome
 * reports that each running version stopped. A message, such as the
 * popup's request sent again, may start the worker again right after, so
 * it need not still be stopped on return. The session must belong to an
 * extension page: a web page's session does not see the extension's worker.
 */
async function stopWorker(helper: Page, extensionId: string): Promise<void> {
  const cdp = await helper.context().newCDPSession(helper);
  const versions = new Map<string, WorkerVersion>();
  const stopped = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    for (const version of event.versions) {
      versions.set(version.versionId, version);
      if (version.runningStatus === 'stopped') stopped.add(version.versionId);
    }
  });
  const ours = () =>
    [...versions.values()].filter((version) => version.scriptURL.startsWith(extensionPrefix(extensionId)));
  try {
    await cdp.send('ServiceWorker.enable');
    const deadline = Date.now() + CHECK_TIMEOUT_MS;
    while (ours().length === 0 && Date.now() < deadline) await helper.waitForTimeout(20);
    const running = ours().filter((candidate) => candidate.runningStatus === 'running');
    for (const version of running) {
      stopped.delete(version.versionId);
      await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    }
    while (running.some((version) => !stopped.has(version.versionId))) {
      if (Date.now() > deadline) throw new Error('The extension\'s service worker did not stop.');
      await helper.waitForTimeout(20);
    }
  } finally {
    await cdp.detach();
  }
}

async function readState(popup: Page, tabId: number): Promise<TabState> {
  const reply = await popup.evaluate(
    (id) => chrome.runtime.sendMessage({ kind: 'lab-check/get-state', tabId: id }),
    tabId,
  );
  const { ok, value, error } = reply as { ok: boolean; value?: TabState | null; error?: string };
  if (!ok || !value) throw new Error(`The extension returned no result for tab ${tabId}: ${error ?? 'none stored'}`);
  return value;
}

async function readSnapshot(popup: Page, tabId: number): Promise<PageSnapshot> {
  return popup.evaluate(
    (id) => chrome.tabs.sendMessage(id, { kind: 'lab-check/read-page' }, { frameId: 0 }),
    tabId,
  ) as Promise<PageSnapshot>;
}

export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & TestFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions & WorkerFixtures
> = base.extend<TestFixtures, WorkerFixtures>({
  labCheckBrowser: [undefined, { option: true, scope: 'worker' }],
  labCheckExtension: [undefined, { option: true, scope: 'worker' }],
  labCheckHosts: [['http://127.0.0.1/*', 'http://localhost/*'], { option: true, scope: 'worker' }],
  labCheckHeadless: [true, { option: true, scope: 'worker' }],

  labCheck: [
    async ({ labCheckBrowser, labCheckExtension, labCheckHosts, labCheckHeadless }, use) => {
      const options = { labCheckBrowser, labCheckExtension, labCheckHosts, labCheckHeadless };
      const { cleanup, ...browser } = await launch(options);
      try {
        await use(browser);
      } finally {
        await browser.context.close();
        cleanup();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  context: async ({ labCheck }, use) => {
    await use(labCheck.context);
  },

  page: async ({ labCheck }, use) => {
    const page = await labCheck.context.newPage();
    await use(page);
    await page.close();
  },

  extensionId: async ({ labCheck }, use) => {
    await use(labCheck.extensionId);
  },

  openPopup: async ({ labCheck }, use) => {
    const opened: Page[] = [];
    await use(async (page) => {
      const tabId = await tabIdOf(labCheck.helper, page);
      const popup = await labCheck.context.newPage();
      opened.push(popup);
      await popup.goto(`${extensionPrefix(labCheck.extensionId)}popup.html?tabId=${tabId}`);
      return popup;
    });
    await Promise.all(opened.map((popup) => popup.close()));
  },

  checkPage: async ({ labCheck, openPopup }, use) => {
    await use(async (page) => {
      const tabId = await tabIdOf(labCheck.helper, page);
      const popup = await openPopup(page);
      const done = popup.locator('[data-testid="popup"][data-view="state"], [data-testid="popup"][data-view="error"]');
      await done.waitFor({ timeout: CHECK_TIMEOUT_MS });
      if ((await done.getAttribute('data-view')) === 'error') {
        throw new Error(`The popup reported an error: ${await popup.getByTestId('state-error').textContent()}`);
      }
      const state = await readState(popup, tabId);
      const snapshot = await readSnapshot(popup, tabId);
      const report = state.state === 'report' ? state.report : undefined;
      return { state, report, readers: readersByStep(state, snapshot), snapshot, popup, tabId };
    });
  },

  stopServiceWorker: async ({ labCheck }, use) => {
    await use(() => stopWorker(labCheck.helper, labCheck.extensionId));
  },
});
