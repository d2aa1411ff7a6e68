/**
 * The WebExtension API for extension contexts (the worker, the popup and
 * isolated content scripts). webextension-polyfill returns the native
 * `browser` where it exists (Firefox, Chrome 148 and later) and wraps
 * `chrome` with promises below that. It throws when loaded anywhere else,
 * so nothing under src/core or a MAIN-world script may import this module.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Browser, Runtime, Tabs, Scripting, Storage } from 'webextension-polyfill';
