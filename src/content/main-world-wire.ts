/**
 * The wire between the MAIN-world script, which can reach the page's editor
 * objects, and the isolated content script. Both sides share the page's DOM
 * and events but no objects, so each message is a JSON string in the
 * `detail` of a CustomEvent dispatched on `document`. The page sees these
 * events too, so the isolated side treats every reply as page data.
 *
 * This module holds only constants and types, so that the MAIN-world bundle
 * stays free of zod: validation happens on the receiving side.
 */

export const EDITOR_KINDS = ['codemirror6', 'codemirror5', 'monaco', 'ace'] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

/**
 * Reason codes for an editor found on the page whose model could not be
 * read. The reply carries only the code, and the isolated side words the
 * note from its own table. So a page that forges a reply can choose among
 * these reasons, but cannot put its own text into the popup.
 */
export const UNREADABLE_REASONS = ['no-editor-object', 'no-text', 'read-failed', 'not-listed'] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

/** Event the isolated side dispatches to ask for editor texts. `detail`: a `ReadEditorsRequest` as JSON. */
export const READ_EDITORS_EVENT = 'lab-check:read-editors';
/** Event the MAIN world dispatches with the texts. `detail`: an `EditorsReply` as JSON. */
export const EDITORS_EVENT = 'lab-check:editors';
/** Event the isolated side dispatches to scroll an editor to a line. `detail`: a `RevealRequest` as JSON. */
export const REVEAL_EVENT = 'lab-check:reveal';

/**
 * Attribute the MAIN world sets on each editor's root element, with the value
 * `<nonce>:<index>`, so that the isolated side can find the element of each
 * text it receives.
 */
export const EDITOR_MARK_ATTRIBUTE = 'data-lab-check-editor';

/** Root element selector of each editor, for skipping their DOM in the plain readers. */
export const EDITOR_ROOT_SELECTORS: Readonly<Record<EditorKind, string>> = {
  codemirror6: '.cm-editor',
  codemirror5: '.CodeMirror',
  monaco: '.monaco-editor',
  ace: '.ace_editor',
};

/** Maximum number of editors one reply describes. */
export const MAX_EDITORS = 100;
/**
 * Maximum length of one reply's JSON: every editor at the per-answer limit
 * of the snapshot plus room for JSON escapes. The isolated side rejects
 * longer replies without parsing them.
 */
export const MAX_REPLY_CHARS = 8 * 1024 * 1024;

export interface ReadEditorsRequest {
  nonce: string;
  /** Texts longer than this are reported by length only. */
  maxTextChars: number;
  /** Once the texts sent add up to this, the rest are reported by length only. */
  maxTotalChars: number;
}

export interface EditorReading {
  editor: EditorKind;
  /** The value of the element's `data-lab-check-editor` mark. */
  mark: string;
  language?: string;
  /** Absent when the text is longer than `maxTextChars` or than what is left of `maxTotalChars`. */
  text?: string;
  length: number;
}

export interface EditorsReply {
  nonce: string;
  editors: EditorReading[];
  /** Editors found on the page whose model could not be read. */
  unreadable: Array<{ editor: EditorKind; reason: UnreadableReason }>;
}

export interface RevealRequest {
  nonce: string;
  /** The `data-lab-check-editor` mark of the editor to scroll. */
  mark: string;
  /** 1-based line to bring into view. */
  line: number;
}
