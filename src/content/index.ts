/**
 * Content script entry point (isolated world).
 *
 * Bundle entries, each an IIFE:
 * - `src/content/index.ts` -> `content.js`, injected into the isolated world;
 * - `src/content/main-world.ts` -> `main-world.js`, injected with `world: 'MAIN'`.
 *
 * The worker injects both with `scripting.executeScript` when the learner
 * asks for a check, `main-world.js` first, then sends a `ReadPageRequest`
 * with `tabs.sendMessage` and receives a `PageSnapshot` in reply (see
 * page-snapshot.ts). Injecting again is harmless: each script installs its
 * listeners once per document. From then on the content script sends
 * `{ kind: 'lab-check/page-changed' }` when the learner edits the page; the
 * worker re-checks only sites the learner opted into.
 */
import * as z from 'zod/mini';
import { resolveAnchor, scrollAndHighlight } from './anchors.ts';
import { watchEdits } from './edit-watcher.ts';
import { requestEditors, requestReveal } from './editor-channel.ts';
import { EDITOR_MARK_ATTRIBUTE } from './main-world-wire.ts';
import {
  ReadPageRequestSchema,
  ScrollToAnchorRequestSchema,
  type PageSnapshot,
  type ScrollToAnchorRequest,
  type ScrollToAnchorResponse,
} from './page-snapshot.ts';
import { buildSnapshot } from './snapshot.ts';

// Extension pages forbid `new Function`, which zod probes for unless `jitless` is set.
z.config({ jitless: true });

const INSTALLED = Symbol.for('lab-check.content');

export async function readPage(doc: Document): Promise<PageSnapshot> {
  return buildSnapshot(doc, await requestEditors(doc));
}

export function scrollToAnchor(doc: Document, request: ScrollToAnchorRequest): ScrollToAnchorResponse {
  const element = resolveAnchor(doc, request.anchor);
  if (!element) return { found: false };

  const editor = element.closest(`[${EDITOR_MARK_ATTRIBUTE}]`) ?? element.querySelector(`[${EDITOR_MARK_ATTRIBUTE}]`);
  if (editor && request.line !== undefined) requestReveal(doc, editor, request.line);
  scrollAndHighlight(element);
  return { found: true };
}

function onMessage(message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: unknown) => void) {
  if (sender.id !== chrome.runtime.id) return false;

  if (ReadPageRequestSchema.safeParse(message).success) {
    void readPage(document).then(sendResponse);
    return true;
  }
  const scroll = ScrollToAnchorRequestSchema.safeParse(message);
  if (scroll.success) sendResponse(scrollToAnchor(document, scroll.data));
  return false;
}

function install(): void {
  const root = globalThis as unknown as Record<symbol, unknown>;
  if (root[INSTALLED]) return;

  root[INSTALLED] = true;
  chrome.runtime.onMessage.addListener(onMessage);
  watchEdits(document, (change) => chrome.runtime.sendMessage(change));
}

install();
