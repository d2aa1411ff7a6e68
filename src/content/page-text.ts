/** Small DOM helpers that the page readers share. */

/** Collapses runs of whitespace (including U+00A0) to one space and trims the ends. */
export const collapseWhitespace = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** The element's text content as one line. */
export const elementText = (element: Element): string => collapseWhitespace(element.textContent ?? '');

/** Cuts `text` to at most `max` UTF-16 code units without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** True when the element is inside a subtree that the course author excluded with `data-lab-ignore`. */
export const isIgnored = (element: Element): boolean => element.closest('[data-lab-ignore]') !== null;

/** True when `a` comes before `b` in document order. */
export const precedes = (a: Node, b: Node): boolean =>
  (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/** Sorts items in place by the document order of their elements. */
export function sortByDocumentOrder<T extends { element: Element }>(items: T[]): T[] {
  return items.sort((a, b) => {
    if (a.element === b.element) return 0;
    return precedes(a.element, b.element) ? -1 : 1;
  });
}

export interface PageHeading {
  element: Element;
  text: string;
}

/** Lists the page's headings (`h1`-`h6` and `role="heading"`) in document order. */
export function collectHeadings(doc: Document): PageHeading[] {
  const headings: PageHeading[] = [];
  for (const element of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
    if (isIgnored(element)) continue;
    const text = elementText(element);
    if (text) headings.push({ element, text });
  }
  return headings;
}

/** Returns the index of the last heading before `element`, or undefined when none comes before it. */
export function precedingHeadingIndex(headings: readonly PageHeading[], element: Element): number | undefined {
  let found: number | undefined;
  for (const [index, heading] of headings.entries()) {
    if (heading.element.contains(element) || !precedes(heading.element, element)) break;
    found = index;
  }
  return found;
}
