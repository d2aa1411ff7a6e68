import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skippedAnswerNote, skippedEditorNote, unreadableEditorNotes, withArticle } from './page-notes.ts';

const ARTICLES: Array<[string, string]> = [
  ['Ace', 'an Ace'],
  ['input', 'an input'],
  ['Monaco', 'a Monaco'],
  ['CodeMirror 6', 'a CodeMirror 6'],
  ['textarea', 'a textarea'],
  ['data-lab', 'a data-lab'],
];

for (const [name, expected] of ARTICLES) {
  test(`article before ${name}`, () => {
    assert.equal(withArticle(name), expected);
  });
}

test('unreadable editor note per reason', () => {
  assert.deepEqual(unreadableEditorNotes([{ editor: 'ace', reason: 'no-editor-object' }]), [
    'Could not read an Ace editor: its editor object is not reachable from the page.',
  ]);
  assert.deepEqual(unreadableEditorNotes([{ editor: 'codemirror5', reason: 'read-failed' }]), [
    'Could not read a CodeMirror 5 editor: reading its model threw an error.',
  ]);
});

test('unreadable editors counted per kind and reason', () => {
  const unreadable = [
    ...Array.from({ length: 990 }, () => ({ editor: 'ace' as const, reason: 'no-editor-object' as const })),
    { editor: 'monaco' as const, reason: 'not-listed' as const },
    { editor: 'ace' as const, reason: 'no-text' as const },
    { editor: 'monaco' as const, reason: 'not-listed' as const },
  ];
  assert.deepEqual(unreadableEditorNotes(unreadable), [
    'Could not read 990 Ace editors. For each: its editor object is not reachable from the page.',
    'Could not read 2 Monaco editors. For each: window.monaco is not set, or an editor is not listed by monaco.editor.getEditors().',
    'Could not read an Ace editor: its model returned no text.',
  ]);
});

test('unreadable editor notes empty', () => {
  assert.deepEqual(unreadableEditorNotes([]), []);
});

test('skipped notes take the right article', () => {
  assert.equal(
    skippedEditorNote('ace', 10_485_760, 'the limit is 262144 characters per answer'),
    'Skipped an Ace editor of 10485760 characters: the limit is 262144 characters per answer.',
  );
  assert.equal(
    skippedAnswerNote('input', 33, 'for all answers together'),
    'Skipped an input answer of 33 characters: it is over the limit for all answers together.',
  );
  assert.equal(
    skippedAnswerNote('textarea', 33, 'per answer'),
    'Skipped a textarea answer of 33 characters: it is over the limit per answer.',
  );
});
