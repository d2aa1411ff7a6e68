/**
 * The version of what the extension keeps in storage, and the envelope a
 * tab's last check result is stored in. Version 1 stored the bare
 * `TabState` under `tab:ID` and no version in `storage.local`. Version 2
 * wraps each `TabState` as `{ schemaVersion: 2, state }` and records
 * `schemaVersion` in `storage.local`. src/background/stored-state.ts
 * validates stored values and migrates version 1 data.
 *
 * This module uses no zod, so that the popup can unwrap the envelope
 * without bundling it.
 */
import type { TabState } from '../background/messages.ts';

export const STORAGE_SCHEMA_VERSION = 2;

/** The `storage.local` key that records the schema version of the extension's stored data. */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** The session storage key under which e2e builds count the checks of a tab, so that tests can see the debounce. */
export const checkCountKey = (tabId: number): string => `e2e:checks:${tabId}`;

/** A tab's last check result as stored in session storage. */
export interface StoredTabState {
  schemaVersion: typeof STORAGE_SCHEMA_VERSION;
  state: TabState;
}

export function wrapTabState(state: TabState): StoredTabState {
  return { schemaVersion: STORAGE_SCHEMA_VERSION, state };
}

/**
 * Returns the state in a current-version envelope, or undefined for any
 * other value. Only the worker writes these keys and it writes each
 * envelope in one `set` call, so a current envelope is complete.
 */
export function unwrapCurrentTabState(value: unknown): TabState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;

  const stored = value as Partial<StoredTabState>;
  if (stored.schemaVersion !== STORAGE_SCHEMA_VERSION || typeof stored.state !== 'object' || stored.state === null) {
    return undefined;
  }
  return stored.state;
}
