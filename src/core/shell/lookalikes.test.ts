import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiFor, describeCharacter, findLookalike, lookalikeKind } from './lookalikes.ts';

test('lookalikes are named and classified', () => {
  const cases: Array<[string, string, string, string | undefined, string]> = [
    ['\u2014', 'U+2014', 'EM DASH', 'dash', '-'],
    ['\u2013', 'U+2013', 'EN DASH', 'dash', '-'],
    ['\u2212', 'U+2212', 'MINUS SIGN', 'dash', '-'],
    ['\u2010', 'U+2010', 'HYPHEN', 'dash', '-'],
    ['\u2011', 'U+2011', 'NON-BREAKING HYPHEN', 'dash', '-'],
    ['\ufe63', 'U+FE63', 'SMALL HYPHEN-MINUS', 'dash', '-'],
    ['\uff0d', 'U+FF0D', 'FULLWIDTH HYPHEN-MINUS', 'dash', '-'],
    ['\u00a0', 'U+00A0', 'NO-BREAK SPACE', 'space', ' '],
    ['\u3000', 'U+3000', 'IDEOGRAPHIC SPACE', 'space', ' '],
    ['\u200b', 'U+200B', 'ZERO WIDTH SPACE', 'invisible', ''],
    ['\ufeff', 'U+FEFF', 'ZERO WIDTH NO-BREAK SPACE', 'invisible', ''],
    ['\u201c', 'U+201C', 'LEFT DOUBLE QUOTATION MARK', 'quote', '"'],
    ['\u2019', 'U+2019', 'RIGHT SINGLE QUOTATION MARK', 'quote', "'"],
    ['\uff41', 'U+FF41', 'FULLWIDTH LATIN SMALL LETTER A', 'fullwidth', 'a'],
    ['\uff21', 'U+FF21', 'FULLWIDTH LATIN CAPITAL LETTER A', 'fullwidth', 'A'],
    ['\uff11', 'U+FF11', 'FULLWIDTH DIGIT ONE', 'fullwidth', '1'],
    ['\uff1d', 'U+FF1D', 'FULLWIDTH EQUALS SIGN', 'fullwidth', '='],
    ['-', 'U+002D', 'HYPHEN-MINUS', undefined, '-'],
    ['\u00e9', 'U+00E9', '', undefined, '\u00e9'],
  ];
  for (const [char, codePoint, name, kind, ascii] of cases) {
    assert.deepEqual(describeCharacter(char), { character: char, codePoint, name }, codePoint);
    assert.equal(lookalikeKind(char), kind, codePoint);
    assert.equal(asciiFor(char), ascii, codePoint);
  }
});

test('findLookalike searches a range by kind', () => {
  assert.equal(findLookalike('a\u00a0b\u200bc', ['invisible']), 3);
  assert.equal(findLookalike('a\u00a0b\u200bc', ['space', 'invisible'], 2), 3);
  assert.equal(findLookalike('a\u00a0b', ['space'], 0, 1), -1);
});
