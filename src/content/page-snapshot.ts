/**
 * The page snapshot: what the content script read from a course page, sent
 * to the background worker in reply to a read request. Everything in it is
 * page data, so the worker validates it with `PageSnapshotSchema` on receipt
 * and renders it only as text.
 *
 * Messages the worker sends to the content script (with `tabs.sendMessage`,
 * after injecting `main-world.js` into the MAIN world and then `content.js`
 * into the isolated world of the tab):
 * - the reply to a `ReadPageRequest` is a `PageSnapshot`;
 * - the reply to a `ScrollToAnchorRequest` is a `ScrollToAnchorResponse`.
 */
import * as z from 'zod/mini';

/** Size bounds of a snapshot, in UTF-16 code units unless named otherwise. */
export const SNAPSHOT_LIMITS = {
  urlChars: 2048,
  titleChars: 500,
  headings: 200,
  headingChars: 300,
  answers: 100,
  /** One answer's text; a larger editor is reported in `notes` instead. */
  answerChars: 256 * 1024,
  /** All answers' texts together. */
  totalAnswerChars: 1024 * 1024,
  languageChars: 40,
  stepIdChars: 100,
  anchorChars: 300,
  questions: 50,
  questionChars: 2000,
  options: 20,
  optionChars: 1000,
  notes: 50,
  noteChars: 500,
} as const;

export const READERS = [
  'data-lab',
  'codemirror6',
  'codemirror5',
  'monaco',
  'ace',
  'textarea',
  'input',
  'contenteditable',
  'pre',
] as const;
export type Reader = (typeof READERS)[number];

const L = SNAPSHOT_LIMITS; // short alias: the schema below names a limit on most lines
const boundedString = (max: number) => z.string().check(z.maxLength(max));
const index = z.int().check(z.nonnegative());

export const HeadingSchema = z.object({
  text: boundedString(L.headingChars),
  anchor: z.optional(boundedString(L.anchorChars)),
});

export const AnswerSchema = z.object({
  /** The step id from the element's `data-lab-step` attribute. */
  stepId: z.optional(boundedString(L.stepIdChars)),
  /** Index into `headings` of the nearest heading before the answer in document order. */
  headingIndex: z.optional(index),
  reader: z.enum(READERS),
  /** The editor's language id as the page names it (`python`, `javascript`). */
  language: z.optional(boundedString(L.languageChars)),
  text: boundedString(L.answerChars),
  /** A CSS selector that finds the answer's element, for scroll requests. */
  anchor: boundedString(L.anchorChars),
});

export const QuizOptionSchema = z.object({
  /** The option id from `data-lab-option` (`A`), when the page marks its options. */
  id: z.optional(boundedString(L.stepIdChars)),
  /** The option's label as shown, including any `A.` prefix. */
  text: boundedString(L.optionChars),
  checked: z.boolean(),
});

export const QuizQuestionSchema = z.object({
  /** The question id from `data-lab-question`, when the page marks its questions. */
  id: z.optional(boundedString(L.stepIdChars)),
  text: boundedString(L.questionChars),
  options: z.array(QuizOptionSchema).check(z.maxLength(L.options)),
  anchor: z.optional(boundedString(L.anchorChars)),
});

const totalAnswerChars = (answers: ReadonlyArray<{ text: string }>): number =>
  answers.reduce((sum, answer) => sum + answer.text.length, 0);

export const PageSnapshotSchema = z.object({
  url: boundedString(L.urlChars),
  title: boundedString(L.titleChars),
  headings: z.array(HeadingSchema).check(z.maxLength(L.headings)),
  answers: z
    .array(AnswerSchema)
    .check(
      z.maxLength(L.answers),
      z.refine((answers) => totalAnswerChars(answers) <= L.totalAnswerChars, {
        message: `answers exceed ${L.totalAnswerChars} characters in total`,
      }),
    ),
  quiz: z.array(QuizQuestionSchema).check(z.maxLength(L.questions)),
  /** Parts of the page that could not be read, such as an editor too large to send. */
  notes: z.array(boundedString(L.noteChars)).check(z.maxLength(L.notes)),
});

export type Heading = z.infer<typeof HeadingSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;
export type PageSnapshot = z.infer<typeof PageSnapshotSchema>;

export const ReadPageRequestSchema = z.object({ kind: z.literal('lab-check/read-page') });
export type ReadPageRequest = z.infer<typeof ReadPageRequestSchema>;

export const ScrollToAnchorRequestSchema = z.object({
  kind: z.literal('lab-check/scroll-to-anchor'),
  anchor: boundedString(L.anchorChars),
  /** A 1-based line in the answer's text to bring into view, when known. */
  line: z.optional(z.int().check(z.positive())),
});
export type ScrollToAnchorRequest = z.infer<typeof ScrollToAnchorRequestSchema>;

export const ScrollToAnchorResponseSchema = z.object({ found: z.boolean() });
export type ScrollToAnchorResponse = z.infer<typeof ScrollToAnchorResponseSchema>;
