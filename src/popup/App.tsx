/**
 * The popup: shows the tab's last result at once, checks the page again,
 * and follows automatic re-checks through session storage.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LabSummary, TabState } from '../background/messages.ts';
import { visibleText } from '../core/submissions/visible-text.ts';
import { createLogger } from '../extension/logger.ts';
import { onSessionChange, tabStateKey } from '../extension/session-store.ts';
import { unwrapCurrentTabState } from '../extension/storage-schema.ts';
import { browser } from '../extension/browser.ts';
import { request } from './api.ts';
import { AutoCheckToggle } from './AutoCheckToggle.tsx';
import { ExportButton } from './export-button.tsx';
import { t } from './i18n.ts';
import { splitNotes } from './page-notes.ts';
import { PasteForm, type PasteMode } from './PasteForm.tsx';
import { Report } from './Report.tsx';

const log = createLogger('popup');

/** The popup's content: a check in progress, a result, or a failed check. */
export type View =
  | { kind: 'checking'; previous?: TabState }
  | { kind: 'state'; state: TabState; fresh: boolean }
  | { kind: 'error'; message: string };

export function App({ tabId }: { tabId: number | undefined }) {
  const [view, setView] = useState<View>({ kind: 'checking' });
  const [paste, setPaste] = useState<{ mode: PasteMode; labs: LabSummary[] } | undefined>();
  const renderedAt = useRef<number | undefined>(undefined);

  const check = useCallback(async () => {
    if (tabId === undefined) {
      setView({ kind: 'state', state: { state: 'unreadable', detail: 'no tab', checkedAt: Date.now() }, fresh: true });
      return;
    }
    setView((current) => ({ kind: 'checking', ...(current.kind === 'state' ? { previous: current.state } : {}) }));
    try {
      setView({ kind: 'state', state: await request({ kind: 'lab-check/check-tab', tabId }), fresh: true });
    } catch (error) {
      log.error('check failed', error);
      setView({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [tabId]);

  useEffect(() => {
    if (tabId === undefined) {
      void check();
      return;
    }
    request({ kind: 'lab-check/get-state', tabId })
      .then((stored) => {
        setView((current) => (current.kind === 'checking' && stored ? { kind: 'checking', previous: stored } : current));
      })
      .catch((error) => log.error('could not read the stored result', error));
    void check();
    return onSessionChange<unknown>(tabStateKey(tabId), (value) => {
      const state = unwrapCurrentTabState(value);
      if (state) setView((current) => (current.kind === 'checking' ? current : { kind: 'state', state, fresh: true }));
    });
  }, [tabId, check]);

  // Timings for the popup benchmark, in ms since the popup document started loading.
  useEffect(() => {
    document.documentElement.dataset.firstRenderMs = performance.now().toFixed(1);
  }, []);

  useEffect(() => {
    if (view.kind === 'state' && view.fresh && renderedAt.current === undefined) {
      renderedAt.current = performance.now();
      document.documentElement.dataset.renderedMs = renderedAt.current.toFixed(1);
    }
  }, [view]);

  const openPaste = useCallback(async (mode: PasteMode) => {
    try {
      setPaste({ mode, labs: await request({ kind: 'lab-check/list-labs' }) });
    } catch (error) {
      setView({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  const submitPaste = useCallback(
    async (pasted: { labId: string; code?: string; steps?: Record<string, string> }) => {
      setPaste(undefined);
      setView({ kind: 'checking' });
      try {
        const state = await request({ kind: 'lab-check/grade-pasted', ...pasted, ...(tabId === undefined ? {} : { tabId }) });
        setView({ kind: 'state', state, fresh: true });
      } catch (error) {
        setView({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [tabId],
  );

  // While a check runs, the previous result stays on screen, dimmed.
  let shown: TabState | undefined;
  if (view.kind === 'state') shown = view.state;
  else if (view.kind === 'checking') shown = view.previous;
  const labId = shown?.state === 'report' ? shown.lab.id : undefined;

  return (
    <div class="popup" data-testid="popup" data-view={view.kind}>
      <div class="status" role="status" aria-live="polite" data-testid="status">
        {view.kind === 'checking' ? t('popupChecking') : ''}
      </div>
      {view.kind === 'error' && (
        <p class="error" role="alert" data-testid="state-error">
          {t('popupError', view.message)}
        </p>
      )}
      {shown && <StateView state={shown} tabId={tabId} stale={view.kind === 'checking'} onPaste={openPaste} />}

      {paste ? (
        <PasteForm
          labs={paste.labs}
          initialLabId={labId}
          initialMode={paste.mode}
          unreadSteps={shown?.state === 'report' ? shown.unreadSteps : []}
          onSubmit={submitPaste}
          onCancel={() => setPaste(undefined)}
        />
      ) : (
        <div class="actions">
          <button type="button" onClick={() => void check()} disabled={view.kind === 'checking'} data-testid="check-again">
            {t('popupCheckAgain')}
          </button>
          <button type="button" onClick={() => void openPaste('all')} data-testid="paste-open">
            {t('popupPasteCode')}
          </button>
          {shown?.state === 'report' && shown.input && view.kind === 'state' && !shown.previousPage && (
            <ExportButton
              report={shown.report}
              getInput={() => shown.input!}
              {...(shown.url === undefined ? {} : { page: shown.url })}
              label={t('popupExportSubmission')}
              failedLabel={t('popupExportFailed')}
            />
          )}
          <button type="button" onClick={() => void openInstructorPage()} data-testid="open-instructor">
            {t('popupOpenInstructor')}
          </button>
        </div>
      )}
      {tabId !== undefined && shown && shown.state !== 'unreadable' && shown.origin && (
        <AutoCheckToggle tabId={tabId} origin={shown.origin} />
      )}
    </div>
  );
}

/** Opens the instructor page in a tab of its own; the popup closes as the tab takes focus. */
async function openInstructorPage(): Promise<void> {
  try {
    await browser.tabs.create({ url: browser.runtime.getURL('instructor.html') });
    window.close();
  } catch (error) {
    log.error('could not open the instructor page', error);
  }
}

function StateView(props: {
  state: TabState;
  tabId: number | undefined;
  stale: boolean;
  onPaste: (mode: PasteMode) => void;
}) {
  const { state } = props;
  if (state.state === 'unreadable') {
    return (
      <section class="message" data-testid="state-unreadable">
        <h1>{t('popupCannotRead')}</h1>
        <p>{t('popupCannotReadDetail')}</p>
      </section>
    );
  }
  if (state.state === 'no-lab') {
    return (
      <section class="message" data-testid="state-no-lab">
        <PreviousPage state={state} />
        <h1>{t('popupNoLab')}</h1>
        <p>{t('popupNoLabDetail')}</p>
        <Notes notes={state.notes} />
      </section>
    );
  }
  return (
    <>
      <PreviousPage state={state} />
      <Report state={state} tabId={props.tabId} stale={props.stale} onPaste={props.onPaste}>
        <Notes notes={state.notes} />
      </Report>
    </>
  );
}

/** Says that the result is of the page the tab showed before it navigated, and names that page. */
function PreviousPage({ state }: { state: Exclude<TabState, { state: 'unreadable' }> }) {
  if (!state.previousPage) return null;

  return (
    <div class="previous-page" role="note" data-testid="previous-page">
      <p>{t('popupPreviousPage')}</p>
      {state.url !== undefined && (
        <p>
          {t('popupPreviousPageUrl')} <span class="page-text">{visibleText(state.url)}</span>
        </p>
      )}
    </div>
  );
}

function Notes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;

  const { shown, more } = splitNotes(notes);
  return (
    <section class="notes" data-testid="page-notes">
      <h2>{t('popupPageNotes')}</h2>
      <ul>
        {shown.map((note, index) => (
          <li key={index}>{note}</li>
        ))}
      </ul>
      {more.length > 0 && (
        <details data-testid="more-notes">
          <summary>{t('popupMoreNotes', more.length)}</summary>
          <ul>
            {more.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
