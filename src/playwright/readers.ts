/** Which page reader read each step, from a check's result. */
import type { TabState } from '../background/messages.ts';
import type { PageSnapshot, Reader } from '../content/page-snapshot.ts';

/** Maps each step to the reader of the answer its code came from, through the anchors the worker kept. */
export function readersByStep(state: TabState, snapshot: PageSnapshot): Record<string, Reader> {
  if (state.state !== 'report') return {};

  const readerAt = new Map(snapshot.answers.map((answer) => [answer.anchor, answer.reader]));
  const readers: Record<string, Reader> = {};
  for (const step of state.lab.steps) {
    const anchor = state.anchors.steps[step.id] ?? state.anchors.code;
    const reader = anchor === undefined ? undefined : readerAt.get(anchor);
    if (reader && !state.unreadSteps.includes(step.id)) readers[step.id] = reader;
  }
  return readers;
}
