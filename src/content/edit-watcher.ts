/**
 * Tells the worker when the learner edits the page, so that it can re-check
 * sites the learner opted into (it ignores the others). Editors type into a
 * textarea or an editable region, so `input` and `change` events on the
 * document see every edit the learner makes; changes a page script makes
 * through an editor's API fire neither.
 */

export const PAGE_CHANGED = { kind: 'lab-check/page-changed' } as const;
/** Minimum time between two page-changed messages; the worker debounces further. */
export const EDIT_REPORT_INTERVAL_MS = 1000;

let watching = false;

export function watchEdits(doc: Document, send: (message: typeof PAGE_CHANGED) => Promise<unknown>): void {
  if (watching) return;
  watching = true;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    timer = undefined;
    // A reloaded or removed extension rejects the message; the page no longer needs watching then.
    send(PAGE_CHANGED).catch(stop);
  };
  const onEdit = () => {
    timer ??= setTimeout(report, EDIT_REPORT_INTERVAL_MS);
  };
  const stop = () => {
    doc.removeEventListener('input', onEdit, true);
    doc.removeEventListener('change', onEdit, true);
    clearTimeout(timer);
    watching = false;
  };
  doc.addEventListener('input', onEdit, true);
  doc.addEventListener('change', onEdit, true);
}
