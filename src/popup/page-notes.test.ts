import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHOWN_NOTES, splitNotes } from './page-notes.ts';

const notes = (count: number) => Array.from({ length: count }, (_, index) => `Note ${index + 1}.`);

test('few notes all shown', () => {
  assert.deepEqual(splitNotes(notes(2)), { shown: notes(2), more: [] });
  assert.deepEqual(splitNotes(notes(SHOWN_NOTES + 1)), { shown: notes(SHOWN_NOTES + 1), more: [] });
});

test('many notes capped with the rest', () => {
  const split = splitNotes(notes(50));
  assert.equal(split.shown.length, SHOWN_NOTES);
  assert.equal(split.more.length, 50 - SHOWN_NOTES);
  assert.equal(split.more[0], `Note ${SHOWN_NOTES + 1}.`);
});

test('bidi override in a note escaped', () => {
  const { shown } = splitNotes(['Could not read \u202eerocs ruoy.']);
  assert.deepEqual(shown, ['Could not read \\u202Eerocs ruoy.']);
});
