/**
 * Adapters that read code editors from their in-memory model, run in the
 * page's MAIN world. Editors render only their visible lines (and Monaco
 * renders spaces as U+00A0), so the DOM never contains the whole text.
 *
 * Every property read here may hit a getter the page defined, so callers
 * wrap each adapter call in try/catch and check the type of every value.
 */
import type { EditorKind, UnreadableReason } from './main-world-wire.ts';

/** Loose view of page objects: any property may be missing or of any type. */
type Loose = { [key: string]: unknown } | undefined | null;

export interface EditorHandle {
  editor: EditorKind;
  element: Element;
  /** Returns the text length without building the text, when the model offers it. */
  length(): number | undefined;
  text(): unknown;
  language(): unknown;
  /** Scrolls the editor so that the 1-based `line` is visible. */
  reveal(line: number): void;
}

const asLoose = (value: unknown): Loose =>
  typeof value === 'object' || typeof value === 'function' ? (value as Loose) : undefined;

function call(target: Loose, method: string, ...args: unknown[]): unknown {
  const fn = target?.[method];
  return typeof fn === 'function' ? Reflect.apply(fn, target, args) : undefined;
}

/** Finds a CodeMirror 6 EditorView from its `.cm-content` element (6.39+ `cmTile`, older `cmView`). */
function codeMirror6View(root: Element): Loose {
  const content = asLoose(root.querySelector('.cm-content'));
  const tile = asLoose(content?.['cmTile']) ?? asLoose(content?.['cmView']);
  const viaRoot = asLoose(asLoose(tile?.['root'])?.['view']);
  const viaRootView = asLoose(asLoose(tile?.['rootView'])?.['view']);
  return viaRoot ?? viaRootView ?? asLoose(tile?.['view']);
}

function codeMirror6(root: Element): EditorHandle | undefined {
  const view = codeMirror6View(root);
  const doc = asLoose(asLoose(view?.['state'])?.['doc']);
  if (!doc) return undefined;

  return {
    editor: 'codemirror6',
    element: root,
    length: () => (typeof doc['length'] === 'number' ? doc['length'] : undefined),
    text: () => call(doc, 'toString'),
    language: () => root.querySelector('.cm-content')?.getAttribute('data-language') ?? undefined,
    reveal(line) {
      const from = asLoose(call(doc, 'line', line))?.['from'];
      const scrollIntoView = asLoose(view?.['constructor'])?.['scrollIntoView'];
      if (typeof from !== 'number' || typeof scrollIntoView !== 'function') return;
      const effect = Reflect.apply(scrollIntoView, view?.['constructor'], [from, { y: 'center' }]);
      call(view, 'dispatch', { effects: effect });
    },
  };
}

function codeMirror5(root: Element): EditorHandle | undefined {
  const cm = asLoose((root as unknown as Loose)?.['CodeMirror']);
  if (typeof cm?.['getValue'] !== 'function') return undefined;

  return {
    editor: 'codemirror5',
    element: root,
    length: () => undefined,
    text: () => call(cm, 'getValue', '\n'),
    language() {
      const mode = call(cm, 'getOption', 'mode');
      return typeof mode === 'string' ? mode : asLoose(mode)?.['name'];
    },
    reveal: (line) => void call(cm, 'scrollIntoView', { line: line - 1, ch: 0 }, 80),
  };
}

/** Monaco's `EndOfLinePreference.LF`: read the text with `\n` line breaks whatever the model uses. */
const MONACO_EOL_LF = 1;

function monacoEditors(win: Loose): EditorHandle[] {
  const editors = call(asLoose(asLoose(win?.['monaco'])?.['editor']), 'getEditors');
  if (!Array.isArray(editors)) return [];

  const handles: EditorHandle[] = [];
  for (const value of editors.slice(0, 200)) {
    const editor = asLoose(value);
    const model = asLoose(call(editor, 'getModel'));
    const element = call(editor, 'getContainerDomNode');
    if (!model || !(element instanceof Element)) continue;
    handles.push({
      editor: 'monaco',
      element,
      length: () => {
        const length = call(model, 'getValueLength');
        return typeof length === 'number' ? length : undefined;
      },
      text: () => call(model, 'getValue', MONACO_EOL_LF),
      language: () => call(model, 'getLanguageId'),
      reveal: (line) => void call(editor, 'revealLineInCenter', line),
    });
  }
  return handles;
}

/**
 * Ace keeps the editor on `element.env.editor`. `ace.edit(element)` returns
 * the same editor when one exists, but on any other element it builds a new
 * editor over the page's DOM, so only `env.editor` is used.
 */
function ace(root: Element): EditorHandle | undefined {
  const editor = asLoose(asLoose((root as unknown as Loose)?.['env'])?.['editor']);
  if (typeof editor?.['getValue'] !== 'function') return undefined;

  return {
    editor: 'ace',
    element: root,
    length: () => undefined,
    text: () => call(editor, 'getValue'),
    language() {
      const id = asLoose(call(asLoose(call(editor, 'getSession')), 'getMode'))?.['$id'];
      return typeof id === 'string' ? id.replace(/^ace\/mode\//, '') : undefined;
    },
    reveal: (line) => void call(editor, 'scrollToLine', line - 1, true, false, () => {}),
  };
}

const DOM_ADAPTERS: Array<[EditorKind, string, (root: Element) => EditorHandle | undefined]> = [
  ['codemirror6', '.cm-editor', codeMirror6],
  ['codemirror5', '.CodeMirror', codeMirror5],
  ['ace', '.ace_editor', ace],
];

export interface EditorDiscovery {
  handles: EditorHandle[];
  unreadable: Array<{ editor: EditorKind; reason: UnreadableReason }>;
}

/**
 * Finds every editor on the page and the ones whose model could not be reached.
 * NOTE: editors inside shadow roots or iframes are not found, so such a page's steps are reported as unread.
 */
export function discoverEditors(doc: Document, win: Loose): EditorDiscovery {
  const handles: EditorHandle[] = [];
  const unreadable: EditorDiscovery['unreadable'] = [];

  for (const [kind, selector, adapt] of DOM_ADAPTERS) {
    for (const root of Array.from(doc.querySelectorAll(selector)).slice(0, 200)) {
      let handle: EditorHandle | undefined;
      try {
        handle = adapt(root);
      } catch {
        handle = undefined;
      }
      if (handle) handles.push(handle);
      else unreadable.push({ editor: kind, reason: 'no-editor-object' });
    }
  }

  let monaco: EditorHandle[] = [];
  try {
    monaco = monacoEditors(win);
  } catch {
    monaco = [];
  }
  handles.push(...monaco);
  const monacoRoots = doc.querySelectorAll('.monaco-editor:not(.monaco-editor .monaco-editor)').length;
  if (monacoRoots > monaco.length) {
    for (let i = monaco.length; i < monacoRoots; i += 1) unreadable.push({ editor: 'monaco', reason: 'not-listed' });
  }
  return { handles, unreadable };
}
