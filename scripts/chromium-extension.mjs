// Launches Debian's Chromium with an unpacked extension through
// playwright-core, for `npm start` and the popup benchmark. Runs under
// `node --import tsx`, because it shares the e2e fixture's flags and
// browser lookup (src/playwright/browser.ts).
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionArgs, findChromium } from '../src/playwright/browser.ts';

/**
 * Starts Chromium with a copy of `sourceDir` loaded, because a build that
 * runs meanwhile replaces dist/. Returns the context, the extension id and
 * a cleanup.
 */
export async function launchWithExtension(sourceDir, { headless }) {
  const profile = mkdtempSync(join(tmpdir(), 'lab-check-profile-'));
  const extensionDir = join(profile, 'extension');
  cpSync(sourceDir, extensionDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless,
    viewport: null,
    args: extensionArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, extensionId, close };
}

/** Returns the extension's running service worker, or waits for one to start when none runs. */
export async function currentWorker(context, extensionId) {
  const running = context.serviceWorkers().find((worker) => worker.url().includes(extensionId));
  return running ?? context.waitForEvent('serviceworker', { timeout: 15000 });
}

/** Returns the id of the tab showing `url`; the e2e build's host access makes tab URLs visible. */
export async function tabIdOf(context, extensionId, url) {
  const worker = await currentWorker(context, extensionId);
  const tabId = await worker.evaluate(
    async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id,
    url,
  );
  if (tabId === undefined) throw new Error(`No tab shows ${url}; is the extension the e2e build?`);
  return tabId;
}

/** Opens the popup as a page of its own, checking `tabId`. */
export async function openPopup(context, extensionId, tabId) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

/** Waits until the popup shows a fresh result and returns which state it shows. */
export async function waitForResult(popup, timeout = 15000) {
  const result = popup.locator(
    '[data-testid="report"][data-fresh="true"], [data-testid="state-no-lab"], [data-testid="state-unreadable"], [data-testid="state-error"]',
  );
  await result.first().waitFor({ timeout });
  return result.first().getAttribute('data-testid');
}
