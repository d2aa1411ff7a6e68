/**
 * Turns a page snapshot or pasted code into the state the popup shows:
 * recognizes the lab, maps the page to a submission and grades it. Uses no
 * browser API, so the tests run it in Node.
 */
import { gradeSubmission, type SubmissionInput } from '../core/engine/grade.ts';
import type { LabPack } from '../core/engine/lab-pack.ts';
import { toSubmissionInput } from '../core/engine/page-input.ts';
import { findLab, LABS, recognizeLab } from '../labs/index.ts';
import type { PageSnapshot } from '../content/page-snapshot.ts';
import type { LabSummary, TabState } from './messages.ts';
import { originOf } from './url.ts';

export function summarizeLab(lab: LabPack): LabSummary {
  return {
    id: lab.id,
    title: lab.title,
    steps: lab.steps.map((step) => ({ id: step.id, title: step.title, variable: step.variable })),
  };
}

export const listLabs = (): LabSummary[] => LABS.map(summarizeLab);

export function gradePage(snapshot: PageSnapshot, now = Date.now()): TabState {
  const origin = originOf(snapshot.url);
  const where = { url: snapshot.url, ...(origin ? { origin } : {}) };
  const lab = recognizeLab({ title: snapshot.title, headings: snapshot.headings.map((heading) => heading.text) });
  if (!lab) return { state: 'no-lab', ...where, notes: snapshot.notes, checkedAt: now };

  const page = toSubmissionInput(snapshot, lab);
  const anchors: Extract<TabState, { state: 'report' }>['anchors'] = {
    steps: Object.fromEntries(Object.entries(page.stepSources).map(([id, source]) => [id, source.anchor])),
    quiz: page.quizAnchors,
  };
  if (page.codeSource) anchors.code = page.codeSource.anchor;

  const state: TabState = {
    state: 'report',
    lab: summarizeLab(lab),
    report: gradeSubmission(lab, page.input),
    ...where,
    anchors,
    unreadSteps: page.unreadSteps,
    notes: snapshot.notes,
    pasted: false,
    checkedAt: now,
  };
  if (page.input.quiz) state.quizInput = { ...page.input.quiz } as Record<string, string | string[]>;
  state.input = page.input;
  return state;
}

export interface PastedCode {
  labId: string;
  code?: string | undefined;
  steps?: Record<string, string> | undefined;
}

/**
 * Grades pasted code. The quiz answers and the page's location come from
 * `previous`, the tab's last page check, when it was of the same lab.
 */
export function gradePasted(pasted: PastedCode, previous: TabState | undefined, now = Date.now()): TabState {
  const lab = findLab(pasted.labId);
  if (!lab) throw new Error(`Lab "${pasted.labId}" not found.`);

  const input: SubmissionInput = { source: 'pasted code' };
  if (pasted.code !== undefined && pasted.code.trim() !== '') input.code = pasted.code;
  const steps = Object.entries(pasted.steps ?? {}).filter(
    ([id, code]) => lab.steps.some((step) => step.id === id) && code.trim() !== '',
  );
  if (steps.length > 0) input.steps = Object.fromEntries(steps);

  const sameLab = previous?.state === 'report' && previous.lab.id === lab.id ? previous : undefined;
  if (sameLab?.quizInput) input.quiz = sameLab.quizInput;

  const state: TabState = {
    state: 'report',
    lab: summarizeLab(lab),
    report: gradeSubmission(lab, input),
    ...(sameLab?.url ? { url: sameLab.url } : {}),
    ...(sameLab?.origin ? { origin: sameLab.origin } : {}),
    anchors: { steps: {}, quiz: sameLab?.anchors.quiz ?? {} },
    unreadSteps: [],
    notes: [],
    pasted: true,
    checkedAt: now,
  };
  if (sameLab?.quizInput) state.quizInput = sameLab.quizInput;
  state.input = input;
  return state;
}
