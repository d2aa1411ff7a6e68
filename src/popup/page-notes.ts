/**
 * The popup's split of the page notes into the first few, shown in full,
 * and the rest behind an "and N more" toggle, so that a page with many
 * unreadable parts cannot push the report out of the popup.
 */
import { visibleText } from '../core/submissions/visible-text.ts';

/** Number of notes the popup shows before "and N more". */
export const SHOWN_NOTES = 3;

/**
 * Splits `notes` into the ones shown at once and the rest. Each note goes
 * through `visibleText`, so that a bidirectional override in a note stored
 * by an older version cannot reorder the popup's text.
 */
export function splitNotes(notes: readonly string[], shown = SHOWN_NOTES): { shown: string[]; more: string[] } {
  const visible = notes.map(visibleText);
  // Hiding a single note behind "and 1 more" takes as much room as showing it.
  if (visible.length <= shown + 1) return { shown: visible, more: [] };
  return { shown: visible.slice(0, shown), more: visible.slice(shown) };
}
