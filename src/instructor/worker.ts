/**
 * The instructor page's regrade worker. It reads the dropped files, keeps
 * the batch, and hands each submission to a pool of grading workers, so
 * that the page stays responsive and every CPU grades. It makes no network
 * request: files arrive from the page as File objects.
 */
/// <reference lib="webworker" />
import { LABS, findLab } from '../labs/index.ts';
import type { InputFile } from '../core/submissions/index.ts';
import { RegradeBatch } from './batch.ts';
import { createGraderPool } from './grader-pool.ts';
import type { PageMessage, WorkerMessage } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** `?graders=N` on the worker's URL sets the pool size, as the benchmark does to compare sizes. */
const requestedGraders = Number(new URL(self.location.href).searchParams.get('graders') ?? Number.NaN);
const pool = createGraderPool('instructor-grader.js', Number.isInteger(requestedGraders) ? requestedGraders : undefined);
let batch = new RegradeBatch({ labs: LABS, grader: pool.grade });
let batchId = 0;
/** Grading runs one drop at a time, in order, so rows keep the order files were dropped in. */
let queue: Promise<void> = Promise.resolve();

const post = (message: WorkerMessage): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<PageMessage>) => {
  const message = event.data;
  switch (message.kind) {
    case 'grade': {
      // The files belong to the batch that is current now, even if a reset comes before their turn.
      const current = batch;
      const id = batchId;
      queue = queue.then(() => grade(current, id, message.files)).catch((error) => fail(id, error));
      return;
    }
    case 'reset': {
      const lab = message.lab === undefined ? undefined : findLab(message.lab);
      batch.cancel();
      batch = new RegradeBatch({ labs: LABS, grader: pool.grade, ...(lab ? { lab } : {}) });
      batchId = message.batch;
      return;
    }
    case 'detail': {
      const detail = batch.detail(message.index);
      if (detail) post({ batch: batchId, kind: 'detail', index: message.index, ...detail });
      return;
    }
    case 'export': {
      const { fileName, bytes, type } = batch.export(message.format);
      const blob = new Blob([bytes as BlobPart], { type });
      post({ batch: batchId, kind: 'export', format: message.format, fileName, blob });
      return;
    }
  }
};

async function grade(current: RegradeBatch, id: number, files: ReadonlyArray<{ file: File; path: string }>): Promise<void> {
  const started = performance.now();
  await current.grade(files.map(fileInput), {
    rows: (rows) => post({ batch: id, kind: 'rows', rows, steps: current.stepColumns }),
    progress: (bytesRead, bytesTotal, rows) => post({ batch: id, kind: 'progress', bytesRead, bytesTotal, rows }),
  });
  post({ batch: id, kind: 'done', rows: current.size, elapsedMs: performance.now() - started });
}

function fail(id: number, error: unknown): void {
  // The readers and the engine never throw on learner input, so this is a bug; the page shows it and logs it.
  post({ batch: id, kind: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
}

/** A dropped File as the core's input, named by its path inside a dropped folder when it has one. */
function fileInput({ file, path }: { file: File; path: string }): InputFile {
  return {
    name: path || file.name,
    size: file.size,
    chunks: () => readChunks(file),
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
  };
}

async function* readChunks(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
