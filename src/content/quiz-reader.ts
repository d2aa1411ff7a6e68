/**
 * Reads multiple-choice questions: radio and checkbox inputs and ARIA
 * options (`role="radio"`, `option`, `checkbox` or `menuitemradio` with
 * `aria-checked` or `aria-selected`), grouped by `data-lab-question`,
 * `fieldset`, an ARIA group, or else the inputs' shared `name`.
 */
import { collapseWhitespace, elementText, isIgnored, sortByDocumentOrder } from './page-text.ts';

export interface RawOption {
  element: Element;
  id?: string;
  text: string;
  checked: boolean;
}

export interface RawQuestion {
  element: Element;
  id?: string;
  text: string;
  options: RawOption[];
}

export const OPTION_SELECTOR =
  'input[type="radio"], input[type="checkbox"], [role="radio"], [role="option"], [role="checkbox"], [role="menuitemradio"]';
export const GROUP_SELECTOR = 'fieldset, [role="radiogroup"], [role="listbox"], [role="group"]';
const LIMIT_OPTIONS_SCANNED = 2000;

function optionLabel(element: Element): Element | undefined {
  if (element instanceof HTMLInputElement) {
    const label = element.labels?.[0];
    if (label) return label;
  }
  return element.closest('label') ?? undefined;
}

function textsOfIds(doc: Document, ids: string): string {
  const parts = ids.split(/\s+/).map((id) => doc.getElementById(id));
  return collapseWhitespace(parts.map((part) => part?.textContent ?? '').join(' '));
}

function optionText(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return textsOfIds(element.ownerDocument, labelledBy);
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel) return collapseWhitespace(ariaLabel);
  if (!(element instanceof HTMLInputElement)) return elementText(element);

  const label = optionLabel(element);
  if (label) return elementText(label);
  return collapseWhitespace(element.nextSibling?.textContent ?? element.value);
}

function isChecked(element: Element): boolean {
  if (element instanceof HTMLInputElement) return element.checked;
  return element.getAttribute('aria-checked') === 'true' || element.getAttribute('aria-selected') === 'true';
}

function readOption(element: Element): RawOption {
  const option: RawOption = { element, text: optionText(element), checked: isChecked(element) };
  const id = element.closest('[data-lab-option]')?.getAttribute('data-lab-option');
  if (id) option.id = id;
  return option;
}

/** Returns the group's text without its options' labels: the question as shown. */
function groupText(group: Element, options: readonly RawOption[]): string {
  const marked = group.querySelector('[data-lab-question-text]');
  if (marked) return elementText(marked);
  const legend = group.querySelector(':scope > legend');
  if (legend) return elementText(legend);
  const labelledBy = group.getAttribute('aria-labelledby');
  if (labelledBy) return textsOfIds(group.ownerDocument, labelledBy);
  const ariaLabel = group.getAttribute('aria-label');
  if (ariaLabel) return collapseWhitespace(ariaLabel);

  const optionParts = options.map((option) => optionLabel(option.element) ?? option.element);
  const walker = group.ownerDocument.createTreeWalker(group, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (optionParts.some((part) => part.contains(node))) continue;
    parts.push(node.textContent ?? '');
    if (parts.length > 200) break;
  }
  return collapseWhitespace(parts.join(' '));
}

/** Finds the smallest element that contains every one of `elements`. */
function commonAncestor(elements: readonly Element[]): Element | undefined {
  let ancestor = elements[0]?.parentElement ?? undefined;
  while (ancestor && !elements.every((element) => ancestor?.contains(element))) {
    ancestor = ancestor.parentElement ?? undefined;
  }
  return ancestor;
}

function groupOf(option: Element): Element | string {
  const group = option.closest('[data-lab-question]') ?? option.closest(GROUP_SELECTOR);
  if (group) return group;
  if (option instanceof HTMLInputElement && option.name) return `name:${option.form?.id ?? ''}:${option.name}`;
  return option.parentElement ?? option;
}

/**
 * Splits a group whose radio buttons have several names, such as one
 * fieldset around the whole quiz, into one group per name.
 */
function splitByName(groups: Map<Element | string, Element[]>): Array<[Element | string, Element[]]> {
  const result: Array<[Element | string, Element[]]> = [];
  for (const [key, members] of groups) {
    const names = new Set(members.map((member) => (member instanceof HTMLInputElement ? member.name : '')));
    if (typeof key === 'string' || names.size < 2) {
      result.push([key, members]);
      continue;
    }
    for (const name of names) {
      const named = members.filter((member) => (member instanceof HTMLInputElement ? member.name : '') === name);
      result.push([commonAncestor(named) ?? key, named]);
    }
  }
  return result;
}

/** Lists the page's questions in document order, each with its options. */
export function readQuiz(doc: Document): RawQuestion[] {
  const groups = new Map<Element | string, Element[]>();
  for (const option of Array.from(doc.querySelectorAll(OPTION_SELECTOR)).slice(0, LIMIT_OPTIONS_SCANNED)) {
    if (isIgnored(option)) continue;
    const key = groupOf(option);
    const members = groups.get(key);
    if (members) members.push(option);
    else groups.set(key, [option]);
  }

  const questions: RawQuestion[] = [];
  for (const [key, members] of splitByName(groups)) {
    const element = typeof key === 'string' ? commonAncestor(members) : key;
    if (!element) continue;
    const options = members.map(readOption);
    const question: RawQuestion = { element, text: groupText(element, options), options };
    const id = element.closest('[data-lab-question]')?.getAttribute('data-lab-question');
    if (id) question.id = id;
    questions.push(question);
  }
  return sortByDocumentOrder(questions);
}
