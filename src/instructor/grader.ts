/**
 * A grading worker of the instructor page's pool: grades the jobs the
 * regrade worker sends and posts each result back with the job's id.
 */
/// <reference lib="webworker" />
import { gradeJob, type GradeJob } from '../core/submissions/index.ts';
import type { GradedMessage } from './grader-pool.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<{ id: number; job: GradeJob }>) => {
  const { id, job } = event.data;
  let reply: GradedMessage;
  try {
    reply = { id, result: await gradeJob(job) };
  } catch (error) {
    // The engine never throws on learner input, so this is a bug; the regrade worker reports it.
    reply = { id, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  self.postMessage(reply);
};
