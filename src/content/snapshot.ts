/**
 * Builds the page snapshot from what the readers found, within the size
 * bounds of `SNAPSHOT_LIMITS`. What does not fit is left out and named in
 * `notes`, so that the popup can say which step could not be read.
 */
import { anchorFor } from './anchors.ts';
import { readAnswers } from './answer-readers.ts';
import type { EditorsResult } from './editor-channel.ts';
import { EDITOR_ROOT_SELECTORS } from './main-world-wire.ts';
import { skippedAnswerNote, skippedEditorNote, unreadableEditorNotes } from './page-notes.ts';
import { SNAPSHOT_LIMITS as LIMITS, type Answer, type PageSnapshot, type QuizQuestion } from './page-snapshot.ts';
import {
  collapseWhitespace,
  collectHeadings,
  precedingHeadingIndex,
  sortByDocumentOrder,
  truncate,
  type PageHeading,
} from './page-text.ts';
import { readQuiz } from './quiz-reader.ts';

function idAnchor(element: Element): string | undefined {
  if (!element.id) return undefined;
  const anchor = `#${CSS.escape(element.id)}`;
  return anchor.length <= LIMITS.anchorChars ? anchor : undefined;
}

function editorNotes(doc: Document, editors: EditorsResult): string[] {
  const notes: string[] = [];
  const hasEditors = doc.querySelector(Object.values(EDITOR_ROOT_SELECTORS).join(', ')) !== null;
  if (editors.failure && hasEditors) notes.push(`Could not read the code editors: ${editors.failure}.`);
  notes.push(...unreadableEditorNotes(editors.unreadable));
  for (const editor of editors.editors) {
    if (editor.text !== undefined) continue;
    const limit =
      editor.length > LIMITS.answerChars
        ? `the limit is ${LIMITS.answerChars} characters per answer`
        : `all answers together may have ${LIMITS.totalAnswerChars} characters`;
    notes.push(skippedEditorNote(editor.editor, editor.length, limit));
  }
  return notes;
}

function boundedAnswers(doc: Document, headings: readonly PageHeading[], editors: EditorsResult, notes: string[]): Answer[] {
  const raw = sortByDocumentOrder(readAnswers(doc, editors.editors));
  const answers: Answer[] = [];
  let total = 0;
  for (const found of raw) {
    if (answers.length === LIMITS.answers) {
      notes.push(`Skipped ${raw.length - LIMITS.answers} answers after the first ${LIMITS.answers}.`);
      break;
    }
    if (found.text.length > LIMITS.answerChars || total + found.text.length > LIMITS.totalAnswerChars) {
      const limit = found.text.length > LIMITS.answerChars ? 'per answer' : 'for all answers together';
      notes.push(skippedAnswerNote(found.reader, found.text.length, limit));
      continue;
    }
    total += found.text.length;
    const item: Answer = { reader: found.reader, text: found.text, anchor: anchorFor(found.element) };
    if (found.stepId !== undefined) item.stepId = truncate(found.stepId, LIMITS.stepIdChars);
    if (found.language !== undefined) item.language = truncate(found.language, LIMITS.languageChars);
    const headingIndex = precedingHeadingIndex(headings, found.element);
    if (headingIndex !== undefined) item.headingIndex = headingIndex;
    answers.push(item);
  }
  return answers;
}

function boundedQuiz(doc: Document, notes: string[]): QuizQuestion[] {
  const questions = readQuiz(doc);
  if (questions.length > LIMITS.questions) notes.push(`Read only the first ${LIMITS.questions} quiz questions.`);
  return questions.slice(0, LIMITS.questions).map((question) => {
    const options = question.options.slice(0, LIMITS.options).map((option) => {
      const bounded: QuizQuestion['options'][number] = {
        text: truncate(option.text, LIMITS.optionChars),
        checked: option.checked,
      };
      if (option.id) bounded.id = truncate(option.id, LIMITS.stepIdChars);
      return bounded;
    });
    const bounded: QuizQuestion = { text: truncate(question.text, LIMITS.questionChars), options };
    if (question.id) bounded.id = truncate(question.id, LIMITS.stepIdChars);
    bounded.anchor = anchorFor(question.element);
    return bounded;
  });
}

function pageTitle(doc: Document): string {
  const title = collapseWhitespace(doc.title);
  return title || collapseWhitespace(doc.querySelector('h1')?.textContent ?? '');
}

/** Reads the whole page: title, headings, answers, quiz and notes. */
export function buildSnapshot(doc: Document, editors: EditorsResult): PageSnapshot {
  const notes = editorNotes(doc, editors);
  const pageHeadings = collectHeadings(doc).slice(0, LIMITS.headings);
  const headings = pageHeadings.map(({ element, text }) => {
    const anchor = idAnchor(element);
    const heading = { text: truncate(text, LIMITS.headingChars) };
    return anchor ? { ...heading, anchor } : heading;
  });
  const answers = boundedAnswers(doc, pageHeadings, editors, notes);
  const quiz = boundedQuiz(doc, notes);

  return {
    url: truncate(doc.location?.href ?? '', LIMITS.urlChars),
    title: truncate(pageTitle(doc), LIMITS.titleChars),
    headings,
    answers,
    quiz,
    notes: notes.slice(0, LIMITS.notes).map((note) => truncate(note, LIMITS.noteChars)),
  };
}
