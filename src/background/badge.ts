/** Sets the toolbar badge of a tab from its last check. */
import { browser } from '../extension/browser.ts';
import { badgeFor } from './badge-text.ts';
import type { TabState } from './messages.ts';

export async function showBadge(tabId: number, state: TabState): Promise<void> {
  const { text, color } = badgeFor(state);
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color });
}
