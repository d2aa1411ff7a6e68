/**
 * Anchors: CSS selectors that find an element of the page again, so that the
 * popup can scroll the page to a step's editor.
 */
import { SNAPSHOT_LIMITS } from './page-snapshot.ts';

const ANCHOR_ATTRIBUTE = 'data-lab-check-anchor';
let nextAnchor = 0;

/** Returns the element's `#id` selector when the id is unique, else marks the element and returns that mark's selector. */
export function anchorFor(element: Element): string {
  const byId = element.id ? `#${CSS.escape(element.id)}` : '';
  if (byId && byId.length <= SNAPSHOT_LIMITS.anchorChars && element.ownerDocument.querySelectorAll(byId).length === 1) {
    return byId;
  }

  let mark = element.getAttribute(ANCHOR_ATTRIBUTE);
  if (!mark || !/^\d+$/.test(mark)) {
    nextAnchor += 1;
    mark = String(nextAnchor);
    element.setAttribute(ANCHOR_ATTRIBUTE, mark);
  }
  return `[${ANCHOR_ATTRIBUTE}="${mark}"]`;
}

/** Finds an anchor's element; an anchor that is not a valid selector finds nothing. */
export function resolveAnchor(doc: Document, anchor: string): Element | undefined {
  try {
    return doc.querySelector(anchor) ?? undefined;
  } catch {
    return undefined;
  }
}

const HIGHLIGHT_MS = 1600;

/** Scrolls the element into view and outlines it for a moment, restoring its own outline afterwards. */
export function scrollAndHighlight(element: Element): void {
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (!(element instanceof HTMLElement || element instanceof SVGElement)) return;

  const { style } = element;
  const previous = { value: style.getPropertyValue('outline'), priority: style.getPropertyPriority('outline') };
  const previousOffset = style.getPropertyValue('outline-offset');
  style.setProperty('outline', '3px solid #f59e0b', 'important');
  style.setProperty('outline-offset', '2px', 'important');
  element.setAttribute('data-lab-check-highlight', '');
  setTimeout(() => {
    style.setProperty('outline', previous.value, previous.priority);
    style.setProperty('outline-offset', previousOffset);
    element.removeAttribute('data-lab-check-highlight');
  }, HIGHLIGHT_MS);
}
