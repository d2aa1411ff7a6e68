/**
 * The isolated side of the MAIN-world wire: asks the MAIN-world script for
 * the editors' texts and validates the reply, which is page data.
 */
import * as z from 'zod/mini';
import {
  EDITOR_KINDS,
  EDITOR_MARK_ATTRIBUTE,
  EDITOR_ROOT_SELECTORS,
  EDITORS_EVENT,
  MAX_EDITORS,
  MAX_REPLY_CHARS,
  READ_EDITORS_EVENT,
  REVEAL_EVENT,
  UNREADABLE_REASONS,
  type EditorKind,
  type ReadEditorsRequest,
  type RevealRequest,
} from './main-world-wire.ts';
import { SNAPSHOT_LIMITS } from './page-snapshot.ts';

/** How long to wait for the MAIN-world reply; it arrives synchronously when the script is installed. */
export const EDITORS_TIMEOUT_MS = 1000;

const EditorReadingSchema = z.object({
  editor: z.enum(EDITOR_KINDS),
  mark: z.string().check(z.maxLength(100)),
  language: z.optional(z.string().check(z.maxLength(SNAPSHOT_LIMITS.languageChars))),
  text: z.optional(z.string().check(z.maxLength(SNAPSHOT_LIMITS.answerChars))),
  length: z.int().check(z.nonnegative()),
});

const EditorsReplySchema = z.object({
  nonce: z.string().check(z.maxLength(100)),
  editors: z.array(EditorReadingSchema).check(z.maxLength(MAX_EDITORS)),
  unreadable: z
    .array(z.object({ editor: z.enum(EDITOR_KINDS), reason: z.enum(UNREADABLE_REASONS) }))
    .check(z.maxLength(1000)),
});

export type EditorsReply = z.infer<typeof EditorsReplySchema>;

/** A validated editor reading together with the element it was read from. */
export type ReadEditor = z.infer<typeof EditorReadingSchema> & { element: Element };

export interface EditorsResult {
  editors: ReadEditor[];
  unreadable: EditorsReply['unreadable'];
  /** Reason the MAIN-world reply is missing or invalid, when it is. */
  failure?: string;
}

/** Parses and validates one reply's JSON; returns undefined for anything else. */
export function parseEditorsReply(detail: unknown, nonce: string): EditorsReply | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_REPLY_CHARS) return undefined;

  let json: unknown;
  try {
    json = JSON.parse(detail);
  } catch {
    return undefined;
  }
  const parsed = EditorsReplySchema.safeParse(json);
  return parsed.success && parsed.data.nonce === nonce ? parsed.data : undefined;
}

function findMarked(doc: Document, mark: string): Element | undefined {
  for (const element of doc.querySelectorAll(`[${EDITOR_MARK_ATTRIBUTE}]`)) {
    if (element.getAttribute(EDITOR_MARK_ATTRIBUTE) === mark) return element;
  }
  return undefined;
}

/** Returns whether `element` is the root of an editor of `kind`, or (as Monaco's container is) contains one. */
function isEditorElement(element: Element, kind: EditorKind): boolean {
  const selector = EDITOR_ROOT_SELECTORS[kind];
  return element.matches(selector) || element.querySelector(selector) !== null;
}

/**
 * Pairs each reading with its marked element. Returns undefined for a reply
 * that claims an editor's text for an element that is no such editor: the
 * page sees each request's nonce, so such a reply is the page's forgery.
 */
function withElements(doc: Document, reply: EditorsReply, nonce: string): EditorsResult | undefined {
  const editors: ReadEditor[] = [];
  for (const reading of reply.editors) {
    const element = reading.mark.startsWith(`${nonce}:`) ? findMarked(doc, reading.mark) : undefined;
    if (!element) continue;
    if (!isEditorElement(element, reading.editor)) return undefined;
    editors.push({ ...reading, element });
  }
  return { editors, unreadable: reply.unreadable };
}

/** Returns 128 random bits as hex; `crypto.randomUUID` exists only in secure contexts, so plain-HTTP pages lack it. */
function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Asks the MAIN-world script for every editor's text. The first reply that
 * carries this request's random nonce and passes validation wins, so a stale
 * or forged reply with another nonce is ignored, and so is one that claims
 * text for an element that is no editor.
 */
export function requestEditors(doc: Document): Promise<EditorsResult> {
  const nonce = randomNonce();
  return new Promise((resolve) => {
    const finish = (result: EditorsResult) => {
      clearTimeout(timer);
      doc.removeEventListener(EDITORS_EVENT, onReply);
      resolve(result);
    };
    const onReply = (event: Event) => {
      const reply = parseEditorsReply((event as CustomEvent<unknown>).detail, nonce);
      const result = reply && withElements(doc, reply, nonce);
      if (result) finish(result);
    };
    const timer = setTimeout(() => {
      finish({ editors: [], unreadable: [], failure: 'the page script that reads editors did not reply' });
    }, EDITORS_TIMEOUT_MS);

    doc.addEventListener(EDITORS_EVENT, onReply);
    const request: ReadEditorsRequest = {
      nonce,
      maxTextChars: SNAPSHOT_LIMITS.answerChars,
      maxTotalChars: SNAPSHOT_LIMITS.totalAnswerChars,
    };
    doc.dispatchEvent(new CustomEvent(READ_EDITORS_EVENT, { detail: JSON.stringify(request) }));
  });
}

/** Asks the MAIN-world script to scroll the editor on `element` to a 1-based line. */
export function requestReveal(doc: Document, element: Element, line: number): void {
  const mark = element.getAttribute(EDITOR_MARK_ATTRIBUTE);
  if (!mark) return;

  const request: RevealRequest = { nonce: mark.split(':')[0] ?? '', mark, line };
  doc.dispatchEvent(new CustomEvent(REVEAL_EVENT, { detail: JSON.stringify(request) }));
}
