/**
 * Per-session storage shared by the worker and the popup. It is
 * `storage.session` where the browser has it (Chrome 102+, Firefox 115+),
 * which lives in memory until the browser closes and outlives a stopped
 * worker. Elsewhere it falls back to `storage.local` under a key prefix,
 * which the worker clears when the browser starts.
 */
import { browser, type Storage } from './browser.ts';

const FALLBACK_PREFIX = 'session:';

const sessionArea = (): Storage.StorageArea | undefined => browser.storage.session;

export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

export async function readSession<T>(key: string): Promise<T | undefined> {
  const area = sessionArea();
  const stored = area ? key : FALLBACK_PREFIX + key;
  const items = await (area ?? browser.storage.local).get(stored);
  return items[stored] as T | undefined;
}

export async function writeSession(key: string, value: unknown): Promise<void> {
  const area = sessionArea();
  if (area) await area.set({ [key]: value });
  else await browser.storage.local.set({ [FALLBACK_PREFIX + key]: value });
}

export async function removeSession(key: string): Promise<void> {
  const area = sessionArea();
  if (area) await area.remove(key);
  else await browser.storage.local.remove(FALLBACK_PREFIX + key);
}

/** Clears the fallback keys left in `storage.local` by an earlier browser session. */
export async function clearSessionFallback(): Promise<void> {
  if (sessionArea()) return;

  const all = await browser.storage.local.get(null);
  const stale = Object.keys(all).filter((key) => key.startsWith(FALLBACK_PREFIX));
  if (stale.length > 0) await browser.storage.local.remove(stale);
}

/** Calls `listener` with the new value whenever `key` changes in session storage. */
export function onSessionChange<T>(key: string, listener: (value: T | undefined) => void): () => void {
  const wanted = sessionArea() ? { area: 'session', key } : { area: 'local', key: FALLBACK_PREFIX + key };
  const handler = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    const change = changes[wanted.key];
    if (areaName === wanted.area && change) listener(change.newValue as T | undefined);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
