/**
 * The notes of a page snapshot: the sentences that tell the learner which
 * parts of the page were not read, and why. Every sentence is worded here,
 * from enum values and numbers only, so that no page text reaches the
 * popup as if the extension had written it.
 */
import type { EditorKind, UnreadableReason } from './main-world-wire.ts';
import type { Reader } from './page-snapshot.ts';

const EDITOR_NAMES: Readonly<Record<EditorKind, string>> = {
  codemirror6: 'CodeMirror 6',
  codemirror5: 'CodeMirror 5',
  monaco: 'Monaco',
  ace: 'Ace',
};

const REASON_TEXTS: Readonly<Record<UnreadableReason, string>> = {
  'no-editor-object': 'its editor object is not reachable from the page',
  'no-text': 'its model returned no text',
  'read-failed': 'reading its model threw an error',
  'not-listed': 'window.monaco is not set, or an editor is not listed by monaco.editor.getEditors()',
};

/** Returns `name` after the indefinite article that its first letter takes: "a Monaco", "an Ace". */
export function withArticle(name: string): string {
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

/**
 * Returns one note per editor kind and reason, with the number of editors,
 * so that a page with a thousand unreadable editors gets a few notes and
 * not a thousand.
 */
export function unreadableEditorNotes(unreadable: ReadonlyArray<{ editor: EditorKind; reason: UnreadableReason }>): string[] {
  const counts = new Map<string, { editor: EditorKind; reason: UnreadableReason; count: number }>();
  for (const { editor, reason } of unreadable) {
    const key = `${editor} ${reason}`;
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { editor, reason, count: 1 });
  }
  return Array.from(counts.values(), ({ editor, reason, count }) => {
    const name = EDITOR_NAMES[editor];
    const text = REASON_TEXTS[reason];
    return count === 1 ? `Could not read ${withArticle(name)} editor: ${text}.` : `Could not read ${count} ${name} editors. For each: ${text}.`;
  });
}

/** Returns the note for an editor whose text was not sent because it is over `limit`. */
export function skippedEditorNote(editor: EditorKind, length: number, limit: string): string {
  return `Skipped ${withArticle(EDITOR_NAMES[editor])} editor of ${length} characters: ${limit}.`;
}

/** Returns the note for an answer over the size limit, `per answer` or `for all answers together`. */
export function skippedAnswerNote(reader: Reader, length: number, limit: string): string {
  return `Skipped ${withArticle(reader)} answer of ${length} characters: it is over the limit ${limit}.`;
}
