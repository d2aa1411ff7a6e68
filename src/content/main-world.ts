/**
 * MAIN-world entry point, bundled to `main-world.js` and injected with
 * `scripting.executeScript({ world: 'MAIN' })` before `content.js`. It reads
 * the page's code editors from their models when the isolated content script
 * asks, and sends the texts back as one JSON string.
 *
 * The page can redefine any global before this runs, so the builtins used
 * later are captured when the script starts, and the receiving side checks
 * every reply with zod and a size limit. A page can still feed this script
 * false data or make an editor getter loop forever; neither reaches the
 * extension as anything but bounded, validated text.
 */
import { discoverEditors, type EditorHandle } from './editor-models.ts';
import {
  EDITOR_MARK_ATTRIBUTE,
  EDITORS_EVENT,
  MAX_EDITORS,
  READ_EDITORS_EVENT,
  REVEAL_EVENT,
  type EditorReading,
  type EditorsReply,
  type ReadEditorsRequest,
  type RevealRequest,
} from './main-world-wire.ts';

/**
 * Returns the getter of `key` on `prototype` or the nearest prototype above
 * it, because a page may replace a constructor with a subclass of its own.
 */
function inheritedGetter(prototype: unknown, key: string): (() => unknown) | undefined {
  for (let current = prototype; typeof current === 'object' && current !== null; current = Object.getPrototypeOf(current)) {
    const getter = Object.getOwnPropertyDescriptor(current, key)?.get;
    if (getter) return getter;
  }
  return undefined;
}

const captured = {
  parse: JSON.parse,
  stringify: JSON.stringify,
  CustomEvent: window.CustomEvent,
  detail: inheritedGetter(CustomEvent.prototype, 'detail'),
  dispatchEvent: EventTarget.prototype.dispatchEvent,
  addEventListener: EventTarget.prototype.addEventListener,
  setAttribute: Element.prototype.setAttribute,
  querySelector: Document.prototype.querySelector,
  defineProperty: Object.defineProperty,
};

const INSTALLED = Symbol.for('lab-check.main-world');

/** Parses a request's JSON `detail`; requests are short, so a long one is ignored. */
function parseDetail<T>(event: Event): T | undefined {
  try {
    const detail: unknown = captured.detail ? Reflect.apply(captured.detail, event, []) : undefined;
    if (typeof detail !== 'string' || detail.length > 4096) return undefined;
    return captured.parse(detail) as T;
  } catch {
    return undefined;
  }
}

function readHandle(handle: EditorHandle, mark: string, maxTextChars: number): EditorReading | undefined {
  const reading: EditorReading = { editor: handle.editor, mark, length: 0 };
  const language = handle.language();
  if (typeof language === 'string') reading.language = language.slice(0, 40);

  const knownLength = handle.length();
  if (knownLength !== undefined && knownLength > maxTextChars) {
    reading.length = knownLength;
    return reading;
  }
  const text = handle.text();
  if (typeof text !== 'string') return undefined;
  reading.length = text.length;
  if (text.length <= maxTextChars) reading.text = text;
  return reading;
}

function readEditors(request: ReadEditorsRequest): EditorsReply {
  const { handles, unreadable } = discoverEditors(document, window as unknown as Record<string, unknown>);
  const editors: EditorReading[] = [];
  let budget = request.maxTotalChars;
  for (const [index, handle] of handles.slice(0, MAX_EDITORS).entries()) {
    const mark = `${request.nonce}:${index}`;
    try {
      const reading = readHandle(handle, mark, Math.min(request.maxTextChars, budget));
      if (!reading) {
        unreadable.push({ editor: handle.editor, reason: 'no-text' });
        continue;
      }
      Reflect.apply(captured.setAttribute, handle.element, [EDITOR_MARK_ATTRIBUTE, mark]);
      editors.push(reading);
      budget -= reading.text?.length ?? 0;
    } catch {
      unreadable.push({ editor: handle.editor, reason: 'read-failed' });
    }
  }
  return { nonce: request.nonce, editors, unreadable };
}

function onReadEditors(event: Event): void {
  const request = parseDetail<ReadEditorsRequest>(event);
  if (typeof request?.nonce !== 'string' || typeof request.maxTextChars !== 'number') return;
  if (typeof request.maxTotalChars !== 'number') return;

  const reply = captured.stringify(readEditors(request));
  const replyEvent = new captured.CustomEvent(EDITORS_EVENT, { detail: reply });
  Reflect.apply(captured.dispatchEvent, document, [replyEvent]);
}

function onReveal(event: Event): void {
  const request = parseDetail<RevealRequest>(event);
  if (typeof request?.mark !== 'string' || typeof request.line !== 'number') return;

  const selector = `[${EDITOR_MARK_ATTRIBUTE}="${request.mark.replace(/["\\]/g, '')}"]`;
  const element: unknown = Reflect.apply(captured.querySelector, document, [selector]);
  if (!(element instanceof Element)) return;
  const { handles } = discoverEditors(document, window as unknown as Record<string, unknown>);
  const handle = handles.find((candidate) => candidate.element === element);
  try {
    handle?.reveal(request.line);
  } catch {
    // The page's editor rejected the scroll; the isolated side still scrolls the element into view.
  }
}

function install(): void {
  const root = window as unknown as Record<symbol, unknown>;
  if (root[INSTALLED]) return;

  captured.defineProperty(root, INSTALLED, { value: true });
  Reflect.apply(captured.addEventListener, document, [READ_EDITORS_EVENT, onReadEditors]);
  Reflect.apply(captured.addEventListener, document, [REVEAL_EVENT, onReveal]);
}

try {
  install();
} catch {
  // A page that broke the builtins above; the isolated side times out and reports the editors as unread.
}
