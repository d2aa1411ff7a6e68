/** The instructor page: inputs and exports, the progress bar, the table and the detail view. */
import { useMemo, useState } from 'preact/hooks';
import { countText } from '../core/submissions/count-text.ts';
import { LABS } from '../labs/index.ts';
import { DetailPanel } from './DetailPanel.tsx';
import { filesFromDrop, filesFromList } from './pick-files.ts';
import { RowsTable } from './RowsTable.tsx';
import { viewRows, type TableView } from './table-model.ts';
import { useRegradeWorker, type Progress } from './use-regrade-worker.ts';

const ACCEPT = '.json,.csv,.zip,.py,.js,.mjs,.ts,.sh,.txt';

export function App({ workerUrl }: { workerUrl: string }) {
  const batch = useRegradeWorker(workerUrl);
  const [labChoice, setLabChoice] = useState('');
  const [dragging, setDragging] = useState(false);
  const [view, setView] = useState<TableView>({ sort: { key: 'index', descending: false }, text: '', show: 'all' });
  const shown = useMemo(() => viewRows(batch.rows, view), [batch.rows, view]);
  const counts = useMemo(() => countOutcomes(batch.rows), [batch.rows]);

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer) batch.grade(await filesFromDrop(event.dataTransfer));
  };
  const onPick = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    batch.grade(filesFromList(input.files));
    input.value = '';
  };
  const chooseLab = (labId: string) => {
    setLabChoice(labId);
    batch.reset(labId || undefined);
  };

  return (
    <div
      class={`page${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.relatedTarget === null) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header class="toolbar">
        <h1>Regrade submissions</h1>
        <label>
          Lab{' '}
          <select data-testid="lab" value={labChoice} onChange={(e) => chooseLab(e.currentTarget.value)}>
            <option value="">Detect for each submission</option>
            {LABS.map((lab) => (
              <option value={lab.id}>{lab.title}</option>
            ))}
          </select>
        </label>
        <label class="button">
          Choose files
          <input data-testid="pick-files" type="file" multiple accept={ACCEPT} onChange={onPick} hidden />
        </label>
        <label class="button">
          Choose a folder
          <input data-testid="pick-folder" type="file" {...{ webkitdirectory: true, multiple: true }} onChange={onPick} hidden />
        </label>
        <button type="button" onClick={() => chooseLab(labChoice)} disabled={batch.rows.length === 0}>
          Clear
        </button>
        <span class="spacer" />
        <span>Export</span>
        {(['csv', 'json', 'gradescope'] as const).map((format) => (
          <button
            type="button"
            data-testid={`export-${format}`}
            disabled={batch.rows.length === 0 || batch.progress?.grading}
            onClick={() => batch.exportAs(format)}
          >
            {format === 'gradescope' ? 'Gradescope' : format.toUpperCase()}
          </button>
        ))}
      </header>

      <ProgressLine progress={batch.progress} />
      {batch.failure && (
        <p class="failure" role="alert">
          Regrading stopped: {batch.failure}
        </p>
      )}

      {batch.rows.length === 0 ? (
        <section class="dropzone" data-testid="dropzone">
          <p>Drop exported submissions, code files, CSV files or ZIP archives here, or choose files or a folder.</p>
          <p class="muted">Everything is regraded on this computer. Nothing is uploaded.</p>
        </section>
      ) : (
        <>
          <div class="filters">
            <span data-testid="summary">
              {countText(counts.total, 'submission')}: {counts.graded} graded, {counts.flagged} flagged, {counts.error} unreadable
            </span>
            <input
              type="search"
              data-testid="filter-text"
              placeholder="Filter by learner or file"
              value={view.text}
              onInput={(e) => setView({ ...view, text: e.currentTarget.value })}
            />
            <select data-testid="filter-show" value={view.show} onChange={(e) => setView({ ...view, show: e.currentTarget.value as TableView['show'] })}>
              <option value="all">All rows</option>
              <option value="flagged">Flagged</option>
              <option value="error">Unreadable</option>
              <option value="incomplete">Not full marks</option>
              <option value="complete">Full marks</option>
            </select>
            <span data-testid="shown-count">{shown.length} shown</span>
          </div>
          <div class="workspace">
            <RowsTable
              rows={shown}
              steps={batch.steps}
              sort={view.sort}
              onSort={(sort) => setView({ ...view, sort })}
              selected={batch.detail?.index}
              onOpen={batch.open}
            />
            {batch.detail && <DetailPanel detail={batch.detail} onClose={batch.closeDetail} />}
          </div>
        </>
      )}
    </div>
  );
}

function ProgressLine({ progress }: { progress: Progress | undefined }) {
  if (!progress) return null;
  const { bytesRead, bytesTotal, rows, grading, elapsedMs } = progress;
  const text = grading
    ? `Regrading: ${countText(rows, 'submission')}, ${megabytes(bytesRead)} of ${megabytes(bytesTotal)} read`
    : `Regraded ${countText(rows, 'submission')}${elapsedMs === undefined ? '' : ` in ${(elapsedMs / 1000).toFixed(1)} s`}`;
  return (
    <div
      class="progress"
      data-testid="progress"
      data-state={grading ? 'grading' : 'done'}
      data-rows={rows}
      data-elapsed-ms={elapsedMs === undefined ? undefined : elapsedMs.toFixed(0)}
    >
      <progress max={Math.max(bytesTotal, 1)} value={grading ? bytesRead : Math.max(bytesTotal, 1)} />
      <span>{text}</span>
    </div>
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function countOutcomes(rows: ReadonlyArray<{ outcome: string }>) {
  const counts = { total: rows.length, graded: 0, flagged: 0, error: 0 };
  for (const row of rows) {
    if (row.outcome === 'graded') counts.graded += 1;
    else if (row.outcome === 'flagged') counts.flagged += 1;
    else counts.error += 1;
  }
  return counts;
}
