/**
 * Maps what the content script read from a course page to the engine's
 * SubmissionInput: each editor to the lab step it answers, and each quiz
 * question and chosen option on the page to the lab's ids. Pure; the page
 * data is untrusted, so nothing here throws on it.
 */
import type { SubmissionInput } from './grade.ts';
import type { LabPack } from './lab-pack.ts';

/** The parts of a page snapshot this module reads (src/content/page-snapshot.ts defines the message). */
export interface PageSnapshotInput {
  url: string;
  headings: ReadonlyArray<{ text: string }>;
  answers: ReadonlyArray<PageAnswer>;
  quiz: ReadonlyArray<PageQuestion>;
}

export interface PageAnswer {
  stepId?: string | undefined;
  headingIndex?: number | undefined;
  reader: string;
  language?: string | undefined;
  text: string;
  anchor: string;
}

export interface PageQuestion {
  id?: string | undefined;
  text: string;
  options: ReadonlyArray<{ id?: string | undefined; text: string; checked: boolean }>;
  anchor?: string | undefined;
}

type LabShape = Pick<LabPack, 'steps' | 'quiz'>;

/** How an editor was matched to a step. */
export type StepMatch = 'data-lab-step' | 'heading';

export interface PageInput {
  input: SubmissionInput;
  /** The editor each step's own text came from. */
  stepSources: Record<string, { anchor: string; reader: string; matchedBy: StepMatch }>;
  /** The editor (the first, when several were joined) that `input.code` came from. */
  codeSource?: { anchor: string; reader: string; editors: number };
  /** Steps with no text of their own and no shared code text to look in. */
  unreadSteps: string[];
  /** The page element of each matched quiz question. */
  quizAnchors: Record<string, string>;
}

/**
 * Readers in order of trust: an element the course author marked, then an
 * editor's model, then plain form fields, then `pre` blocks, which on a
 * course page are as often the instructions' own examples as an answer.
 */
const READER_RANK: Record<string, number> = {
  'data-lab': 0,
  codemirror6: 1,
  codemirror5: 1,
  monaco: 1,
  ace: 1,
  textarea: 2,
  input: 3,
  contenteditable: 3,
  pre: 4,
};
const rankOf = (answer: PageAnswer): number => READER_RANK[answer.reader] ?? 5;

/** The lowest similarity at which two texts count as the same heading, question or option. */
const MIN_SIMILARITY = 0.6;

export function toSubmissionInput(snapshot: PageSnapshotInput, lab: LabShape): PageInput {
  const { steps, stepSources, assigned } = matchSteps(snapshot, lab);
  const result: PageInput = {
    input: { source: snapshot.url },
    stepSources,
    unreadSteps: [],
    quizAnchors: {},
  };

  const shared = sharedCodeAnswers(snapshot.answers, assigned);
  if (shared.length > 0) {
    const first = shared[0]!;
    // NOTE: several unmatched editors are joined into one text, so a
    // finding's line counts from the first editor's first line.
    result.input.code = shared.map((answer) => answer.text).join('\n\n');
    result.codeSource = { anchor: first.anchor, reader: first.reader, editors: shared.length };
  }
  if (Object.keys(steps).length > 0) result.input.steps = steps;
  if (result.input.code === undefined) {
    result.unreadSteps = lab.steps.filter((step) => !(step.id in steps)).map((step) => step.id);
  }

  const language = commonLanguage([...assigned, ...shared]);
  if (language) result.input.language = language;

  const quiz = matchQuiz(snapshot.quiz, lab.quiz);
  if (Object.keys(quiz.chosen).length > 0) result.input.quiz = quiz.chosen;
  result.quizAnchors = quiz.anchors;
  return result;
}

function matchSteps(snapshot: PageSnapshotInput, lab: LabShape) {
  const best = new Map<string, { answer: PageAnswer; matchedBy: StepMatch }>();
  const consider = (stepId: string, answer: PageAnswer, matchedBy: StepMatch): void => {
    const current = best.get(stepId);
    if (!current || isBetterMatch({ answer, matchedBy }, current)) best.set(stepId, { answer, matchedBy });
  };

  for (const answer of snapshot.answers) {
    const byId = answer.stepId === undefined ? undefined : stepForId(lab, answer.stepId);
    if (byId) {
      consider(byId, answer, 'data-lab-step');
      continue;
    }
    const heading = answer.headingIndex === undefined ? undefined : snapshot.headings[answer.headingIndex];
    const byHeading = heading ? stepForHeading(lab, heading.text) : undefined;
    if (byHeading) consider(byHeading, answer, 'heading');
  }

  const steps: Record<string, string> = {};
  const stepSources: PageInput['stepSources'] = {};
  const assigned = new Set<PageAnswer>();
  for (const step of lab.steps) {
    const match = best.get(step.id);
    if (!match) continue;
    steps[step.id] = match.answer.text;
    stepSources[step.id] = { anchor: match.answer.anchor, reader: match.answer.reader, matchedBy: match.matchedBy };
    assigned.add(match.answer);
  }
  return { steps, stepSources, assigned };
}

function isBetterMatch(
  candidate: { answer: PageAnswer; matchedBy: StepMatch },
  current: { answer: PageAnswer; matchedBy: StepMatch },
): boolean {
  if (candidate.matchedBy !== current.matchedBy) return candidate.matchedBy === 'data-lab-step';
  if (isBlank(current.answer.text) !== isBlank(candidate.answer.text)) return isBlank(current.answer.text);
  return rankOf(candidate.answer) < rankOf(current.answer);
}

const isBlank = (text: string): boolean => text.trim() === '';

/** Matches a `data-lab-step` value to a step by its id, its variable or its 1-based number. */
function stepForId(lab: LabShape, value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  const index = lab.steps.findIndex(
    (step, i) =>
      step.id.toLowerCase() === wanted || step.variable.toLowerCase() === wanted || String(i + 1) === wanted,
  );
  return index === -1 ? undefined : lab.steps[index]!.id;
}

function stepForHeading(lab: LabShape, heading: string): string | undefined {
  const text = normalizeLabel(heading);
  let best: { id: string; score: number } | undefined;
  for (const step of lab.steps) {
    const score = similarity(text, normalizeLabel(step.title));
    if (score >= MIN_SIMILARITY && (!best || score > best.score)) best = { id: step.id, score };
  }
  return best?.id;
}

/**
 * Returns the answers not matched to a step, which then hold the code for
 * all steps (a page with one editor for everything). `pre` blocks count only
 * when the page has no other answer, and blank editors never count.
 */
function sharedCodeAnswers(answers: ReadonlyArray<PageAnswer>, assigned: ReadonlySet<PageAnswer>): PageAnswer[] {
  const free = answers.filter((answer) => !assigned.has(answer) && !isBlank(answer.text));
  const editors = free.filter((answer) => answer.reader !== 'pre');
  if (editors.length > 0) return editors;
  return assigned.size === 0 ? free : [];
}

const LANGUAGES: Record<string, SubmissionInput['language']> = {
  python: 'python',
  python3: 'python',
  py: 'python',
  javascript: 'javascript',
  js: 'javascript',
  node: 'javascript',
  typescript: 'typescript',
  ts: 'typescript',
  shell: 'shell',
  bash: 'shell',
  sh: 'shell',
  zsh: 'shell',
  console: 'shell',
};

/** Returns the language a page's language id names; an own-key lookup, because ids such as `constructor` come from the page. */
function languageFor(id: string): SubmissionInput['language'] {
  const key = id.trim().toLowerCase();
  return Object.hasOwn(LANGUAGES, key) ? LANGUAGES[key] : undefined;
}

/** Returns the language every answer names, or undefined when they differ or name none. */
function commonLanguage(answers: ReadonlyArray<PageAnswer>): SubmissionInput['language'] {
  const named = new Set(
    answers
      .map((answer) => (answer.language === undefined ? undefined : languageFor(answer.language)))
      .filter((language) => language !== undefined),
  );
  const languages = [...named];
  const unnamed = answers.some((answer) => answer.language === undefined);
  return languages.length === 1 && !unnamed ? languages[0] : undefined;
}

function matchQuiz(questions: ReadonlyArray<PageQuestion>, labQuiz: LabShape['quiz']) {
  const chosen: Record<string, string | string[]> = {};
  const anchors: Record<string, string> = {};
  const pairs: Array<{ page: PageQuestion; lab: LabShape['quiz'][number]; score: number }> = [];

  for (const page of questions) {
    for (const question of labQuiz) {
      const score =
        page.id !== undefined && page.id.trim() === question.id
          ? 2
          : similarity(normalizeLabel(page.text), normalizeLabel(question.text));
      if (score >= MIN_SIMILARITY) pairs.push({ page, lab: question, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);

  const usedPage = new Set<PageQuestion>();
  for (const { page, lab } of pairs) {
    if (usedPage.has(page) || lab.id in anchors || lab.id in chosen) continue;

    usedPage.add(page);
    if (page.anchor !== undefined) anchors[lab.id] = page.anchor;
    const ids = page.options
      .filter((option) => option.checked)
      .map((option) => optionId(option, lab.options))
      .filter((id) => id !== undefined);
    const unique = [...new Set(ids)];
    if (unique.length === 1) chosen[lab.id] = unique[0]!;
    else if (unique.length > 1) chosen[lab.id] = unique;
  }
  return { chosen, anchors };
}

/** Matches a page option to a lab option by `data-lab-option`, its text, or a bare letter label. */
function optionId(
  option: { id?: string | undefined; text: string },
  labOptions: ReadonlyArray<{ id: string; text: string }>,
): string | undefined {
  const byId = option.id === undefined ? undefined : labOptions.find((lab) => lab.id === option.id!.trim());
  if (byId) return byId.id;

  const text = normalizeLabel(option.text);
  let best: { id: string; score: number } | undefined;
  for (const lab of labOptions) {
    const score = similarity(text, normalizeLabel(lab.text));
    if (score >= MIN_SIMILARITY && (!best || score > best.score)) best = { id: lab.id, score };
  }
  if (best) return best.id;

  const letter = option.text.trim().match(/^\(?([A-Za-z])[.):]?$/)?.[1]?.toUpperCase();
  return labOptions.find((lab) => lab.id === letter)?.id;
}

/**
 * Lowercases, folds compatibility characters and quotes, collapses spaces,
 * and drops a leading number or option label such as `1.`, `Step 2:`,
 * `(1/5)` or `B)`, which the page adds and the lab pack leaves out.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^\(\d+\/\d+\)\s*/, '')
    .replace(/^(?:step\s+)?\d+\s*[.):]?\s+/, '')
    .replace(/^\(?[a-h][.):]\s+/, '')
    .trim();
}

const MIN_PREFIX_CHARS = 20;

/**
 * Returns 1 for equal texts, 0.9 when one contains the other and is most of
 * it, 0.85 when one starts with the other (at least 20 characters), and
 * otherwise the Dice coefficient of their word sets.
 */
export function similarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;

  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (longer.includes(shorter) && shorter.length >= 0.6 * longer.length) return 0.9;
  // A question followed on the page by the command or code it asks about.
  if (longer.startsWith(shorter) && shorter.length >= MIN_PREFIX_CHARS) return 0.85;

  const wordsA = new Set(a.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const wordsB = new Set(b.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  if (wordsA.size === 0 || wordsB.size === 0) return 0;
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared++;
  return (2 * shared) / (wordsA.size + wordsB.size);
}
