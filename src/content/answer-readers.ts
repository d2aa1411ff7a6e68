/**
 * Readers for the answers on a course page, in the order they take
 * precedence: the course author's `data-lab-*` attributes, code editors read
 * from their models (by the MAIN-world script), then plain form fields,
 * editable regions and `pre > code` blocks. An element that one reader read
 * is not read again by a later one.
 */
import type { ReadEditor } from './editor-channel.ts';
import { EDITOR_ROOT_SELECTORS } from './main-world-wire.ts';
import type { Reader } from './page-snapshot.ts';
import { isIgnored } from './page-text.ts';
import { GROUP_SELECTOR, OPTION_SELECTOR } from './quiz-reader.ts';

export interface RawAnswer {
  element: Element;
  reader: Reader;
  text: string;
  language?: string;
  stepId?: string;
}

const ALL_EDITOR_ROOTS = Object.values(EDITOR_ROOT_SELECTORS).join(', ');

/** Maximum number of form fields, editable regions and code blocks examined on one page. */
const MAX_CANDIDATES = 2000;

/** Input types that contain free text; passwords are never read. */
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'url']);

const stepIdOf = (element: Element): string | undefined =>
  element.closest('[data-lab-step]')?.getAttribute('data-lab-step') ?? undefined;

function languageOf(element: Element, fallback?: string): string | undefined {
  const declared = element.closest('[data-lab-language]')?.getAttribute('data-lab-language');
  if (declared) return declared;
  if (fallback) return fallback;
  const match = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(element.className);
  return match?.[1];
}

function answer(element: Element, reader: Reader, text: string, editorLanguage?: string): RawAnswer {
  const found: RawAnswer = { element, reader, text };
  const stepId = stepIdOf(element);
  if (stepId !== undefined) found.stepId = stepId;
  const language = languageOf(element, editorLanguage);
  if (language !== undefined) found.language = language;
  return found;
}

/** Layer 1: elements with `data-lab-step` and a `data-lab-value` that the page keeps up to date. */
function readDataLabValues(doc: Document): RawAnswer[] {
  const answers: RawAnswer[] = [];
  for (const element of doc.querySelectorAll('[data-lab-step][data-lab-value]')) {
    if (isIgnored(element)) continue;
    answers.push(answer(element, 'data-lab', element.getAttribute('data-lab-value') ?? ''));
  }
  return answers;
}

/** True when the element's step marks other elements with `data-lab-answer`, so this one is not the answer. */
function isBesideMarkedAnswer(element: Element): boolean {
  const step = element.closest('[data-lab-step]');
  return Boolean(step?.querySelector('[data-lab-answer]')) && !element.closest('[data-lab-answer]');
}

/** True for a code block inside a quiz question, which shows the question's code rather than an answer. */
function isQuizCode(element: Element): boolean {
  const group = element.closest(`${GROUP_SELECTOR}, [data-lab-question]`);
  return element.matches('pre > code') && group !== null && group.querySelector(OPTION_SELECTOR) !== null;
}

/** CodeMirror 5's `fromTextArea` hides the original textarea and leaves its old value there. */
function isCodeMirror5Source(element: Element): boolean {
  const next = element.nextElementSibling;
  return (
    element instanceof HTMLTextAreaElement &&
    element.style.display === 'none' &&
    next !== null &&
    next.matches(EDITOR_ROOT_SELECTORS.codemirror5)
  );
}

function plainText(element: Element): { reader: Reader; text: string } | undefined {
  if (element instanceof HTMLTextAreaElement) return { reader: 'textarea', text: element.value };
  if (element instanceof HTMLInputElement) {
    if (!TEXT_INPUT_TYPES.has(element.getAttribute('type')?.toLowerCase() ?? '')) return undefined;
    // An empty search box or name field is no answer unless the author marked it as one.
    if (!element.value && !element.closest('[data-lab-step]')) return undefined;
    return { reader: 'input', text: element.value };
  }
  if (element instanceof HTMLElement && element.isContentEditable) {
    const parent = element.parentElement;
    if (parent?.isContentEditable) return undefined;
    return { reader: 'contenteditable', text: element.innerText };
  }
  if (element.matches('pre > code')) return { reader: 'pre', text: element.textContent ?? '' };
  return undefined;
}

/** Layer 3: form fields, editable regions and code blocks outside every editor. */
function readPlainElements(doc: Document, claimed: readonly Element[]): RawAnswer[] {
  const answers: RawAnswer[] = [];
  const candidates = Array.from(doc.querySelectorAll('textarea, input, [contenteditable], pre > code'));
  // NOTE: fields after the first MAX_CANDIDATES are not read, which bounds the work on a huge page.
  for (const element of candidates.slice(0, MAX_CANDIDATES)) {
    if (isIgnored(element) || element.closest(ALL_EDITOR_ROOTS) || isCodeMirror5Source(element)) continue;
    if (isQuizCode(element)) continue;
    if (claimed.some((owner) => owner.contains(element)) || isBesideMarkedAnswer(element)) continue;

    const found = plainText(element);
    if (found) answers.push(answer(element, found.reader, found.text));
  }
  return answers;
}

/** Runs every reader; editors come from the MAIN-world reply. */
export function readAnswers(doc: Document, editors: readonly ReadEditor[]): RawAnswer[] {
  const dataLab = readDataLabValues(doc);
  const claimed: Element[] = dataLab.map((found) => found.element);
  const fromEditors: RawAnswer[] = [];
  for (const editor of editors) {
    if (editor.text === undefined || isIgnored(editor.element) || isBesideMarkedAnswer(editor.element)) continue;
    if (claimed.some((owner) => owner.contains(editor.element))) continue;
    fromEditors.push(answer(editor.element, editor.editor, editor.text, editor.language));
    claimed.push(editor.element);
  }
  const answers = [...dataLab, ...fromEditors, ...readPlainElements(doc, claimed)];
  // A page that marks its steps has said where the answers are, so nothing outside a step is one.
  const marked = doc.querySelector('[data-lab-step]') !== null;
  return marked ? answers.filter((found) => found.stepId !== undefined) : answers;
}
