/**
 * Marks a tab's result as the previous page's once the tab shows another
 * URL, so that neither the popup nor the badge passes it off as the result
 * of the page now open. Uses no browser API, so the tests run it in Node.
 */
import type { TabState } from './messages.ts';

/** Returns `url` without its fragment, which moves within a page and leaves its content as it was. */
function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * Returns whether the page checked at `checkedUrl` is the one the tab shows
 * at `tabUrl`. An unknown tab URL counts as another page: the browser hides
 * the URL once the tab has left the page that the extension was allowed to
 * read.
 */
export function isSamePage(checkedUrl: string, tabUrl: string | undefined): boolean {
  return tabUrl !== undefined && withoutFragment(checkedUrl) === withoutFragment(tabUrl);
}

/**
 * Returns `state` marked as the previous page's when it was read from a page
 * at another URL than `tabUrl`. Returns undefined when it needs no mark
 * because it is marked already, it is of the current page, or it has no
 * page URL. Pasted code without an earlier page check has none, and neither
 * has a page the browser would not let the extension read.
 */
export function markPreviousPage(state: TabState | undefined, tabUrl: string | undefined): TabState | undefined {
  if (state === undefined || state.state === 'unreadable' || state.previousPage) return undefined;
  if (state.url === undefined || isSamePage(state.url, tabUrl)) return undefined;

  return { ...state, previousPage: true };
}
