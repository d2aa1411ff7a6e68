/**
 * The table of regraded rows. Only the rows in view are rendered (rows
 * have one fixed height), so ten thousand rows scroll as smoothly as ten.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RowSummary } from './protocol.ts';
import type { SortKey, TableView } from './table-model.ts';

const ROW_HEIGHT = 28;
/** Rows rendered above and below the visible ones, so that fast scrolling shows no gap. */
const OVERSCAN = 10;
const ARROWS = { ascending: ' ▲', descending: ' ▼', none: '' } as const;

interface Props {
  rows: readonly RowSummary[];
  steps: readonly string[];
  sort: TableView['sort'];
  onSort(sort: TableView['sort']): void;
  selected: number | undefined;
  onOpen(index: number): void;
}

export function RowsTable({ rows, steps, sort, onSort, selected, onOpen }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });

  useEffect(() => {
    const element = body.current;
    if (!element) return;
    const measure = () => setScroll({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);
  const columns = `minmax(9em, 1.2fr) minmax(10em, 1.6fr) 6.5em ${steps.map(() => '6.5em').join(' ')} 4.5em 5em minmax(12em, 2fr)`;

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    let order: 'ascending' | 'descending' | 'none' = 'none';
    if (active) order = sort.descending ? 'descending' : 'ascending';
    return (
      <span role="columnheader" class="cell head" aria-sort={order}>
        <button type="button" onClick={() => onSort({ key, descending: active && !sort.descending })}>
          {label}
          {ARROWS[order]}
        </button>
      </span>
    );
  };

  return (
    <div class="table" role="grid" aria-rowcount={rows.length} data-testid="rows" style={{ '--columns': columns }}>
      <div class="row header" role="row">
        {header('learner', 'Learner')}
        {header('source', 'File')}
        {header('outcome', 'Outcome')}
        {steps.map((step) => header(`step:${step}`, step))}
        {header('quiz', 'Quiz')}
        {header('score', 'Score')}
        {header('flags', 'Flags')}
      </div>
      <div class="body" ref={body} onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <div style={{ height: `${rows.length * ROW_HEIGHT}px`, position: 'relative' }}>
          {rows.slice(first, last).map((row, offset) => (
            <Row
              key={row.index}
              row={row}
              steps={steps}
              top={(first + offset) * ROW_HEIGHT}
              selected={row.index === selected}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function Row({ row, steps, top, selected, onOpen }: { row: RowSummary; steps: readonly string[]; top: number; selected: boolean; onOpen(index: number): void }) {
  return (
    <div
      class={`row ${row.outcome}${selected ? ' selected' : ''}`}
      role="row"
      tabIndex={0}
      aria-selected={selected}
      data-testid="row"
      data-learner={row.learner}
      data-outcome={row.outcome}
      style={{ top: `${top}px` }}
      onClick={() => onOpen(row.index)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') onOpen(row.index);
      }}
      title={row.message}
    >
      <span class="cell" role="gridcell">{row.learner}</span>
      <span class="cell muted" role="gridcell">{row.source}</span>
      <span class={`cell badge ${row.outcome}`} role="gridcell">{row.outcome}</span>
      {steps.map((step) => (
        <span class={`cell status ${row.steps[step] ?? ''}`} role="gridcell" data-step={step}>
          {row.steps[step] ?? ''}
        </span>
      ))}
      <span class="cell number" role="gridcell">{row.quiz ? `${row.quiz.earned}/${row.quiz.possible}` : ''}</span>
      <span class="cell number" role="gridcell" data-testid="score">{row.score ? `${row.score.earned}/${row.score.possible}` : ''}</span>
      <span class="cell flags" role="gridcell">{row.flags.join(' ')}</span>
    </div>
  );
}
