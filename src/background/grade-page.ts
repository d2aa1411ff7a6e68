/**
 * Turns a page snapshot or pasted code into the state the popup shows:
 * recognizes the lab, maps the page to a submission and grades it. Uses no
 * browser API, so the tests run it in Node.
 */
import { gradeSubmission, type SubmissionInput } from '../core/engine/grade.ts';
import type { LabPack } from '../core/engine/lab-pack.ts';
import { toSubmissionInput, type PageInput } from '../core/engine/page-input.ts';
import { findLab, LABS, recognizeLab } from '../labs/index.ts';
import type { PageSnapshot, Reader } from '../content/page-snapshot.ts';
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

/** Readers of a code editor or of an element the course author marked, as opposed to any text field. */
const CODE_READERS: ReadonlySet<Reader> = new Set(['data-lab', 'codemirror6', 'codemirror5', 'monaco', 'ace']);

/**
 * Returns whether the page has more of the lab than its title. That is the
 * lab's step headings (as `recognizeLab` counts them), an answer tied to a
 * step by `data-lab-step` or by the heading before it, or a lab question.
 */
function hasLabStructure(snapshot: PageSnapshot, lab: LabPack, page: PageInput): boolean {
  const headings = snapshot.headings.map((heading) => heading.text);
  if (recognizeLab({ title: '', headings })?.id === lab.id) return true;

  return Object.keys(page.stepSources).length > 0 || Object.keys(page.quizAnchors).length > 0;
}

/**
 * Maps the page to the lab's submission input. A page that has only the
 * lab's title, such as a search page that quotes it, gets its code from its
 * code editors alone, so that a search box or a notes field is never taken
 * for an answer. Returns undefined when such a page has no code editor: it
 * is then not taken for the lab at all.
 * NOTE: a page with the lab's title and an unrelated code editor is still
 * taken for the lab, with the editor's text as the code for all steps.
 */
function pageInputFor(snapshot: PageSnapshot, lab: LabPack): PageInput | undefined {
  const page = toSubmissionInput(snapshot, lab);
  if (hasLabStructure(snapshot, lab, page)) return page;

  const answers = snapshot.answers.filter((answer) => CODE_READERS.has(answer.reader));
  return answers.length === 0 ? undefined : toSubmissionInput({ ...snapshot, answers }, lab);
}

export function gradePage(snapshot: PageSnapshot, now = Date.now()): TabState {
  const origin = originOf(snapshot.url);
  const where = { url: snapshot.url, ...(origin ? { origin } : {}) };
  const lab = recognizeLab({
    title: snapshot.title,
    headings: snapshot.headings.map((heading) => heading.text),
    stepIds: snapshot.answers.flatMap((answer) => (answer.stepId === undefined ? [] : [answer.stepId])),
    questions: snapshot.quiz.map((question) => question.text),
  });
  const page = lab && pageInputFor(snapshot, lab);
  if (!lab || !page) return { state: 'no-lab', ...where, notes: snapshot.notes, checkedAt: now };

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
 * `previous`, the tab's last page check, when it was of the same lab and of
 * the page the tab still shows.
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

  const sameLab =
    previous?.state === 'report' && previous.lab.id === lab.id && !previous.previousPage ? previous : undefined;
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
