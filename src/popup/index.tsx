/**
 * Popup entry point. The tab to check is the active tab of the popup's
 * window, or the `tabId` query parameter when the popup is opened as a
 * page of its own (as the e2e tests and `npm start` do).
 */
import { render } from 'preact';
import { browser } from '../extension/browser.ts';
import { createLogger } from '../extension/logger.ts';
import { App } from './App.tsx';

const log = createLogger('popup');

async function targetTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);

  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const root = document.getElementById('app');
if (root) {
  targetTabId()
    .catch((error) => {
      log.error('could not find the active tab', error);
      return undefined;
    })
    .then((tabId) => render(<App tabId={tabId} />, root));
}
