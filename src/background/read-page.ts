/**
 * Reads a tab's course page through the content scripts: injects them with
 * `scripting.executeScript` (allowed by `activeTab` after the toolbar click
 * or shortcut, or by the site's host permission), then requests a snapshot
 * and validates the reply, which is page data.
 */
import * as z from 'zod/mini';
import {
  PageSnapshotSchema,
  ScrollToAnchorResponseSchema,
  type PageSnapshot,
  type ReadPageRequest,
  type ScrollToAnchorRequest,
} from '../content/page-snapshot.ts';
import { browser } from '../extension/browser.ts';
import { markInjected } from './senders.ts';

/** How long the content script may take to read the page (editors with large models included). */
const READ_TIMEOUT_MS = 5000;

/** Thrown when the browser does not let the extension run scripts in the tab. */
export class PageNotReadableError extends Error {
  override name = 'PageNotReadableError';
}

function withTimeout<T>(promise: Promise<T>, ms: number, operation: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${operation} timed out after ${ms} ms.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function injectContentScripts(tabId: number): Promise<void> {
  await markInjected(tabId);
  const inject = async () => {
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['main-world.js'], world: 'MAIN' });
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    } catch (error) {
      throw new PageNotReadableError(error instanceof Error ? error.message : String(error));
    }
  };
  // A page that blocks its main thread can hold `executeScript` without end, so the injection is timed
  // out too. A time-out is not a PageNotReadableError, so that the tab keeps its last result.
  await withTimeout(inject(), READ_TIMEOUT_MS, 'Injecting the page scripts');
}

async function sendToPage(tabId: number, message: ReadPageRequest | ScrollToAnchorRequest): Promise<unknown> {
  return withTimeout(browser.tabs.sendMessage(tabId, message, { frameId: 0 }), READ_TIMEOUT_MS, 'Reading the page');
}

/**
 * Sends `message` to the tab's content script, injecting the scripts first
 * when `inject` is set or when no content script replies.
 */
async function askPage(tabId: number, message: ReadPageRequest | ScrollToAnchorRequest, inject: boolean) {
  if (!inject) {
    try {
      return await sendToPage(tabId, message);
    } catch {
      // No content script in the page yet, or one left from an older version of the extension.
    }
  }
  await injectContentScripts(tabId);
  return sendToPage(tabId, message);
}

/**
 * Reads the page. `inject` forces a fresh injection, as a toolbar click
 * does; otherwise a content script already in the page is tried first.
 */
export async function readPage(tabId: number, inject: boolean): Promise<PageSnapshot> {
  const reply = await askPage(tabId, { kind: 'lab-check/read-page' }, inject);
  const parsed = z.safeParse(PageSnapshotSchema, reply);
  if (!parsed.success) throw new Error(`The page sent an invalid snapshot: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function scrollPageTo(tabId: number, anchor: string, line?: number): Promise<{ found: boolean }> {
  const request: ScrollToAnchorRequest = { kind: 'lab-check/scroll-to-anchor', anchor };
  if (line !== undefined) request.line = line;
  const parsed = z.safeParse(ScrollToAnchorResponseSchema, await askPage(tabId, request, false));
  return { found: parsed.success && parsed.data.found };
}
