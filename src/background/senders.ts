/**
 * Sender checks for messages to the worker. Accepted senders are the
 * extension's own pages, and content scripts in the top frame of a tab the
 * worker injected into or of a site the learner opted into. Pages cannot send runtime messages to the
 * extension at all (it declares no `externally_connectable`), so these
 * checks guard against a content script left behind on a page that has
 * since navigated, and against frames the worker never read.
 */
import { browser, type Runtime } from '../extension/browser.ts';
import { readSession, writeSession } from '../extension/session-store.ts';
import { isAutoCheckOrigin } from './auto-check.ts';
import { readInjectedTabs } from './stored-state.ts';
import { originOf } from './url.ts';

const INJECTED_KEY = 'injectedTabs';

/** Tabs injected into, mirrored in session storage so that a restarted worker still has them. */
let injected: Set<number> | undefined;

async function injectedTabs(): Promise<Set<number>> {
  // A value that is not a list (from another version, or damaged) would make `new Set` throw on every message.
  injected ??= new Set(readInjectedTabs(await readSession<unknown>(INJECTED_KEY)));
  return injected;
}

export async function markInjected(tabId: number): Promise<void> {
  const tabs = await injectedTabs();
  if (tabs.has(tabId)) return;

  tabs.add(tabId);
  await writeSession(INJECTED_KEY, [...tabs]);
}

export async function forgetTab(tabId: number): Promise<void> {
  const tabs = await injectedTabs();
  if (!tabs.delete(tabId)) return;

  await writeSession(INJECTED_KEY, [...tabs]);
}

export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

export async function isContentScript(sender: Runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0) return false;
  if ((await injectedTabs()).has(tabId)) return true;

  const origin = originOf(sender.url);
  return origin !== undefined && (await isAutoCheckOrigin(origin));
}
