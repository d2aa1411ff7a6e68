/** The page's side of the regrade worker: its rows, progress and replies as Preact state. */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createLogger } from '../extension/logger.ts';
import { saveBlob } from '../extension/save-blob.ts';
import type { PickedFile } from './pick-files.ts';
import type { ExportFormat, PageMessage, RowSummary, WorkerMessage } from './protocol.ts';

const log = createLogger('instructor');

export interface Progress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  grading: boolean;
  elapsedMs?: number;
}

export type Detail = Extract<WorkerMessage, { kind: 'detail' }>;

export function useRegradeWorker(workerUrl: string) {
  const worker = useRef<Worker | undefined>(undefined);
  const [rows, setRows] = useState<RowSummary[]>([]);
  const [steps, setSteps] = useState<string[]>([]);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [detail, setDetail] = useState<Detail | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const pendingDrops = useRef(0);
  /** The batch this page shows; messages of a cleared batch are dropped. */
  const batchId = useRef(0);

  // A layout effect runs within the first render, so the worker exists before any pick or drop.
  // Preact 11 runs a passive effect only after the next frame (or 35 ms), so a pick or a lab choice
  // before then would never reach the worker, and the page would show "Regrading" for good.
  useLayoutEffect(() => {
    const instance = new Worker(workerUrl);
    worker.current = instance;
    instance.onmessage = (event: MessageEvent<WorkerMessage>) => receive(event.data);
    instance.onerror = (event) => {
      log.error('the regrade worker failed', event.message);
      setFailure(event.message || 'The regrade worker failed to start.');
    };
    return () => instance.terminate();
  }, [workerUrl]);

  const receive = (message: WorkerMessage): void => {
    if (message.batch !== batchId.current) return;
    switch (message.kind) {
      case 'rows':
        setRows((current) => current.concat(message.rows));
        setSteps(message.steps);
        return;
      case 'progress':
        setProgress({ bytesRead: message.bytesRead, bytesTotal: message.bytesTotal, rows: message.rows, grading: true });
        return;
      case 'done':
        pendingDrops.current = Math.max(0, pendingDrops.current - 1);
        setProgress((current) => ({
          bytesRead: current?.bytesTotal ?? 0,
          bytesTotal: current?.bytesTotal ?? 0,
          rows: message.rows,
          grading: pendingDrops.current > 0,
          elapsedMs: message.elapsedMs,
        }));
        return;
      case 'detail':
        setDetail(message);
        return;
      case 'export':
        saveBlob(message.blob, message.fileName);
        return;
      case 'failed':
        log.error('regrading failed', message.message);
        setFailure(message.message);
        return;
    }
  };

  const send = (message: PageMessage): void => {
    if (worker.current) {
      worker.current.postMessage(message);
      return;
    }
    log.error(`no regrade worker for a ${message.kind} message`);
    setFailure('The regrade worker is not running. Reload the page.');
  };

  const grade = useCallback((files: PickedFile[]) => {
    if (files.length === 0) return;
    pendingDrops.current += 1;
    setFailure(undefined);
    setProgress((current) => ({ bytesRead: 0, bytesTotal: 0, rows: current?.rows ?? 0, grading: true }));
    send({ kind: 'grade', files });
  }, []);

  const reset = useCallback((labId: string | undefined) => {
    batchId.current += 1;
    pendingDrops.current = 0;
    setRows([]);
    setSteps([]);
    setDetail(undefined);
    setProgress(undefined);
    send({ kind: 'reset', batch: batchId.current, ...(labId ? { lab: labId } : {}) });
  }, []);

  const open = useCallback((index: number) => send({ kind: 'detail', index }), []);
  const exportAs = useCallback((format: ExportFormat) => send({ kind: 'export', format }), []);

  return { rows, steps, progress, detail, failure, grade, reset, open, exportAs, closeDetail: () => setDetail(undefined) };
}
