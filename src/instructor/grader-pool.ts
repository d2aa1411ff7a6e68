/**
 * A pool of grading workers, one per logical CPU up to MAX_GRADERS, that
 * the regrade worker hands jobs to. Each job goes to the worker with the
 * fewest jobs outstanding. Where a worker cannot start its own workers,
 * jobs are graded in the calling worker instead, and so are the jobs of a
 * grading worker that fails (its script did not load, or it threw).
 */
import { gradeJob, type GradeJob, type GradeResult } from '../core/submissions/index.ts';
import { createLogger } from '../extension/logger.ts';
import type { Grader } from './batch.ts';

const log = createLogger('grader-pool');

/**
 * The maximum pool size. NOTE: 8 is an estimate. Every worker holds its own
 * copy of the engine (about 750 KB of script), and pools larger than the
 * 2 CPUs of the benchmark machine were never measured.
 */
const MAX_GRADERS = 8;

export type GradedMessage = { id: number; result: GradeResult } | { id: number; failure: string };

interface Member {
  worker: Worker;
  outstanding: number;
  failed: boolean;
}

interface Waiting {
  job: GradeJob;
  member: Member;
  resolve(result: GradeResult): void;
  reject(error: Error): void;
}

export function createGraderPool(scriptUrl: string, size = defaultPoolSize()): { grade: Grader; terminate(): void } {
  if (typeof Worker === 'undefined' || size < 1) return { grade: (job) => gradeJob(job), terminate() {} };

  const waiting = new Map<number, Waiting>();
  let nextId = 0;

  // A failed worker gets no more jobs, and its outstanding ones are graded here. Otherwise a worker
  // whose script did not load would leave the batch waiting for replies that never come.
  const fail = (member: Member) => {
    member.failed = true;
    member.worker.terminate();
    for (const [id, entry] of waiting) {
      if (entry.member !== member) continue;
      waiting.delete(id);
      gradeJob(entry.job).then(entry.resolve, entry.reject);
    }
  };

  const members: Member[] = Array.from({ length: size }, () => {
    const member: Member = { worker: new Worker(scriptUrl), outstanding: 0, failed: false };
    member.worker.onmessage = (event: MessageEvent<GradedMessage>) => {
      const reply = event.data;
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      entry.member.outstanding -= 1;
      if ('result' in reply) entry.resolve(reply.result);
      else entry.reject(new Error(reply.failure));
    };
    member.worker.onerror = (event) => {
      event.preventDefault();
      log.error(`grading worker ${members.indexOf(member)} failed, grading its jobs in this worker`, event.message);
      fail(member);
    };
    return member;
  });

  const grade: Grader = (job: GradeJob) => {
    const healthy = members.filter((member) => !member.failed);
    if (healthy.length === 0) return gradeJob(job);

    const member = healthy.reduce((best, candidate) => (candidate.outstanding < best.outstanding ? candidate : best));
    const id = nextId;
    nextId += 1;
    member.outstanding += 1;
    return new Promise<GradeResult>((resolve, reject) => {
      waiting.set(id, { job, member, resolve, reject });
      member.worker.postMessage({ id, job });
    });
  };
  return { grade, terminate: () => members.forEach((member) => member.worker.terminate()) };
}

function defaultPoolSize(): number {
  const cpus = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.min(MAX_GRADERS, Math.max(1, cpus));
}
